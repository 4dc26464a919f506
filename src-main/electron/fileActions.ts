/**
 * The File menu's database actions: open another database, import runs from one, back up the open one, show it in
 * the file manager. A refused file (not SQLite, another program's, damaged, too new) gets a dialog saying why; the
 * store's checks guarantee it is never modified.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, Shell } from 'electron';
import { errorMessage } from '#shared/base/errors';
import type { LabHost } from './labHost';
import { importSources } from '../cluster/mergeFiles';
import { sameFile } from './sameFile';

export interface FileActionDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  host: LabHost;
  /** Where new files are proposed (the user's documents folder). */
  documents: string;
  /** The lab now runs on `file`: forward its events, remember the file, reload the page. */
  databaseChanged(file: string): void;
  /** Runs were added to the open database: refresh the page. */
  runsChanged(): void;
}

export interface FileActions {
  openDatabase(): Promise<void>;
  importRuns(): Promise<void>;
  importRunsFromFolder(): Promise<void>;
  backupDatabase(): Promise<void>;
  revealDataFolder(): void;
}

const DATABASE_FILTERS = [
  { name: 'Two-Timescale Lab database', extensions: ['sqlite', 'sqlite3', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

/** Choices offered when a database cannot be opened, in button order. */
const RETRY_BUTTONS = ['Open Another…', 'Start a New Database…', 'Cancel'];

export function fileActions(deps: FileActionDeps): FileActions {
  const { dialog, host } = deps;

  async function pickDatabase(title: string): Promise<string | undefined> {
    const choice = await dialog.showOpenDialog({
      title,
      defaultPath: path.dirname(host.file),
      filters: DATABASE_FILTERS,
      properties: ['openFile'],
    });
    return choice.canceled ? undefined : choice.filePaths[0];
  }

  async function pickNewFile(title: string, name: string): Promise<string | undefined> {
    const choice = await dialog.showSaveDialog({
      title,
      defaultPath: path.join(deps.documents, name),
      filters: DATABASE_FILTERS,
    });
    return choice.canceled ? undefined : choice.filePath;
  }

  const showError = (title: string, detail: string) => dialog.showMessageBox({ type: 'error', message: title, detail });

  async function openDatabase(): Promise<void> {
    let file = await pickDatabase('Open Database');
    while (file) {
      try {
        if (await host.switchTo(file)) deps.databaseChanged(host.file);
        return;
      } catch (error) {
        const { response } = await dialog.showMessageBox({
          type: 'error',
          message: `Could not open ${path.basename(file)}`,
          detail: errorMessage(error),
          buttons: RETRY_BUTTONS,
          defaultId: 0,
          cancelId: RETRY_BUTTONS.length - 1,
        });
        if (response === 0) file = await pickDatabase('Open Database');
        else if (response === 1) file = await pickNewFile('New Database', 'Two-Timescale Lab runs.sqlite');
        else file = undefined;
      }
    }
  }

  /** Merges one or several databases (all the shards of a cluster sweep, say) in one transaction. */
  async function importRuns(): Promise<void> {
    const choice = await dialog.showOpenDialog({
      title: 'Import Runs From Other Databases',
      defaultPath: path.dirname(host.file),
      filters: DATABASE_FILTERS,
      properties: ['openFile', 'multiSelections'],
    });
    const files = choice.canceled ? [] : choice.filePaths;
    if (files.length === 0) return;
    await mergeFiles(files, files.length === 1 ? path.basename(files[0]) : `${files.length} files`);
  }

  /** Merges the lab databases of a folder: a cluster plan folder (its shards/ subfolder) or any folder of .sqlite files. */
  async function importRunsFromFolder(): Promise<void> {
    const choice = await dialog.showOpenDialog({
      title: 'Import Runs From a Folder of Databases',
      defaultPath: path.dirname(host.file),
      properties: ['openDirectory'],
    });
    const folder = choice.canceled ? undefined : choice.filePaths[0];
    if (folder === undefined) return;
    const files = importSources(folder);
    if (files.length === 0) {
      await showError(
        `No lab databases in ${path.basename(folder)}`,
        `${folder} holds no .sqlite file (nor does a shards folder inside it).`,
      );
      return;
    }
    await mergeFiles(files, `${files.length} file${files.length === 1 ? '' : 's'} in ${path.basename(folder)}`);
  }

  async function mergeFiles(files: readonly string[], from: string): Promise<void> {
    try {
      // Schema, size and every row checked on a worker thread first: the window never freezes on a hostile file.
      const counts = await host.store.importFiles(files);
      if (counts.added > 0) deps.runsChanged();
      const replaced =
        counts.replaced > 0 ? ` ${counts.replaced} unfinished run(s) were replaced by their finished copies.` : '';
      const refused =
        counts.refused > 0
          ? ` ${counts.refused} run(s) were refused: a different run with the same id is stored here.`
          : '';
      await dialog.showMessageBox({
        type: 'info',
        message: `Imported ${counts.added} run${counts.added === 1 ? '' : 's'} from ${from}`,
        detail: `${counts.sweeps} sweep(s) added; ${counts.present} run(s) already in this database were left as they are.${replaced}${refused}`,
      });
    } catch (error) {
      await showError(`Could not import runs from ${from}`, `${errorMessage(error)}\n\nNothing was added.`);
    }
  }

  async function backupDatabase(): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    const target = await pickNewFile('Back Up Database', `Two-Timescale Lab backup ${day}.sqlite`);
    if (!target) return;
    try {
      writeBackup(host, target);
      await dialog.showMessageBox({ type: 'info', message: 'Backup written', detail: target });
    } catch (error) {
      await showError('Could not back up the database', errorMessage(error));
    }
  }

  return {
    openDatabase,
    importRuns,
    importRunsFromFolder,
    backupDatabase,
    revealDataFolder: () => deps.shell.showItemInFolder(host.file),
  };
}

/**
 * Writes a backup of the open database to `target`. The save dialog has already asked before replacing an existing
 * file: the backup then goes to a fresh file renamed over it, so a failure leaves the old file whole. Never the open
 * database itself, nor a database in use (one with a -wal file beside it).
 */
function writeBackup(host: LabHost, target: string): void {
  if (sameFile(target, host.file))
    throw new Error('that is the open database itself; choose another file for the backup');
  if (!fs.existsSync(target)) return host.store.backup(target);
  if (fs.existsSync(`${target}-wal`))
    throw new Error(`${target} is a database in use (it has a -wal file beside it); choose another file`);
  const fresh = `${target}.${process.pid}.partial`;
  try {
    host.store.backup(fresh);
    fs.renameSync(fresh, target);
  } finally {
    fs.rmSync(fresh, { force: true });
  }
}
