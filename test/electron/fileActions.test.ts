/** The File menu's database actions on real stores in temporary folders, with the dialogs scripted. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileActions } from '../../src-main/electron/fileActions';
import { LabHost } from '../../src-main/electron/labHost';
import { createLab } from '../../src-main/service/lab';
import { openStore } from '../../src-main/store';
import { smallConfig } from '../store/fixtures';
import { folderContents, tempFolder } from '../store/helpers';

vi.mock('electron', () => ({}));

const hosts: LabHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

const noTrainer = () => {
  throw new Error('no trainer in these tests');
};

/** A lab database at `file` holding `runs` queued runs. */
function labDatabase(file: string, runs: number): string {
  const store = openStore(file);
  for (let i = 0; i < runs; i++) store.createRun({ config: smallConfig({ seed: i }), name: `run ${i}` });
  store.close();
  return file;
}

/** Dialog answers in order: open and save dialogs give a path (or cancel with undefined), message boxes a button. */
function setUp(
  answers: { open?: Array<string | undefined>; save?: Array<string | undefined>; buttons?: number[] } = {},
) {
  const folder = tempFolder();
  const host = new LabHost((dbFile) => createLab({ dbFile, spawn: noTrainer }), path.join(folder, 'runs.sqlite'));
  hosts.push(host);
  const messages: Array<{ type?: string; message: string; detail?: string; buttons?: string[] }> = [];
  const dialog = {
    showOpenDialog: vi.fn(async () => {
      const file = answers.open?.shift();
      return { canceled: file === undefined, filePaths: file === undefined ? [] : [file] };
    }),
    showSaveDialog: vi.fn(async () => {
      const file = answers.save?.shift();
      return { canceled: file === undefined, filePath: file ?? '' };
    }),
    showMessageBox: vi.fn(async (options: (typeof messages)[number]) => {
      messages.push(options);
      return { response: answers.buttons?.shift() ?? 0, checkboxChecked: false };
    }),
  };
  const shell = { showItemInFolder: vi.fn() };
  const deps = {
    dialog: dialog as never,
    shell,
    host,
    documents: folder,
    databaseChanged: vi.fn(),
    runsChanged: vi.fn(),
  };
  return { folder, host, dialog, shell, messages, deps, answers, actions: fileActions(deps) };
}

describe('File > Open Database…', () => {
  it('moves the lab to another lab database', async () => {
    const other = labDatabase(path.join(tempFolder(), 'other.sqlite'), 2);
    const { host, deps, actions, messages } = setUp({ open: [other] });
    await actions.openDatabase();
    expect(host.file).toBe(other);
    expect(host.store.listRuns()).toHaveLength(2);
    expect(deps.databaseChanged).toHaveBeenCalledWith(other);
    expect(messages).toEqual([]);
  });

  it('refuses foreign and damaged files with a clear dialog, never touching them, then starts a new database', async () => {
    const elsewhere = tempFolder();
    const notes = path.join(elsewhere, 'notes.txt');
    fs.writeFileSync(notes, 'not a database at all, but long enough to look like one might be here '.repeat(3));
    const foreign = path.join(elsewhere, 'photos.db');
    const db = new Database(foreign);
    db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('a.jpg')");
    db.close();
    const before = folderContents(elsewhere);
    const fresh = path.join(tempFolder(), 'fresh.sqlite');
    // notes.txt refused -> "Open Another…" -> photos.db refused -> "Start a New Database…" -> fresh.sqlite
    const { host, deps, actions, messages } = setUp({ open: [notes, foreign], save: [fresh], buttons: [0, 1] });
    const original = host.file;
    await actions.openDatabase();

    expect(messages.map((box) => box.message)).toEqual(['Could not open notes.txt', 'Could not open photos.db']);
    expect(messages[0]).toMatchObject({ type: 'error', buttons: ['Open Another…', 'Start a New Database…', 'Cancel'] });
    expect(messages[0].detail).toMatch(/not a SQLite file.*left untouched/);
    expect(messages[1].detail).toMatch(/another program/);
    expect(folderContents(elsewhere)).toEqual(before);
    expect(host.file).toBe(fresh);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(host.store.listRuns()).toEqual([]);
    expect(deps.databaseChanged).toHaveBeenCalledExactlyOnceWith(fresh);
    expect(original).not.toBe(fresh);
  });

  it('keeps the open database when the user cancels after a refusal', async () => {
    const notes = path.join(tempFolder(), 'notes.txt');
    fs.writeFileSync(notes, 'x'.repeat(200));
    const { host, deps, actions, messages } = setUp({ open: [notes], buttons: [2] });
    const original = host.file;
    host.store.createRun({ config: smallConfig(), name: 'kept' });
    await actions.openDatabase();
    expect(messages).toHaveLength(1);
    expect(host.file).toBe(original);
    expect(host.store.listRuns().map((run) => run.name)).toEqual(['kept']);
    expect(deps.databaseChanged).not.toHaveBeenCalled();
  });

  it('does nothing when the dialog is cancelled or the open database is chosen', async () => {
    const cancelled = setUp();
    await cancelled.actions.openDatabase();
    const same = setUp();
    same.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [same.host.file] });
    await same.actions.openDatabase();
    for (const { deps, messages } of [cancelled, same]) {
      expect(deps.databaseChanged).not.toHaveBeenCalled();
      expect(messages).toEqual([]);
    }
  });
});

describe('File > Import Runs…', () => {
  it('adds the runs of another database and says how many', async () => {
    const other = labDatabase(path.join(tempFolder(), 'colleague.sqlite'), 3);
    const { host, deps, actions, messages } = setUp({ open: [other, other] });
    await actions.importRuns();
    expect(host.store.listRuns()).toHaveLength(3);
    expect(deps.runsChanged).toHaveBeenCalledTimes(1);
    expect(messages[0]).toMatchObject({ type: 'info', message: 'Imported 3 runs from colleague.sqlite' });
    await actions.importRuns();
    expect(host.store.listRuns()).toHaveLength(3);
    expect(messages[1]).toMatchObject({
      message: 'Imported 0 runs from colleague.sqlite',
      detail: expect.stringContaining('3 run(s) already in this database'),
    });
    expect(deps.runsChanged).toHaveBeenCalledTimes(1);
  });

  it('merges several databases picked at once (the shards of a cluster sweep), in one transaction', async () => {
    const elsewhere = tempFolder();
    const shards = [
      labDatabase(path.join(elsewhere, 'shard-0-of-2.sqlite'), 2),
      labDatabase(path.join(elsewhere, 'shard-1-of-2.sqlite'), 3),
    ];
    const { host, dialog, deps, actions, messages } = setUp();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: shards });
    await actions.importRuns();
    expect(dialog.showOpenDialog.mock.calls[0]).toMatchObject([{ properties: ['openFile', 'multiSelections'] }]);
    expect(host.store.listRuns()).toHaveLength(5);
    expect(deps.runsChanged).toHaveBeenCalledTimes(1);
    expect(messages[0]).toMatchObject({ type: 'info', message: 'Imported 5 runs from 2 files' });
    fs.writeFileSync(path.join(elsewhere, 'junk.sqlite'), 'junk');
    dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [labDatabase(path.join(elsewhere, 'more.sqlite'), 1), path.join(elsewhere, 'junk.sqlite')],
    });
    await actions.importRuns();
    expect(messages[1]).toMatchObject({
      type: 'error',
      message: 'Could not import runs from 2 files',
      detail: expect.stringContaining('Nothing was added'),
    });
    expect(host.store.listRuns()).toHaveLength(5);
  });

  it('merges the shard databases of a cluster plan folder, or of any folder, picked as a folder', async () => {
    const plan = tempFolder();
    fs.mkdirSync(path.join(plan, 'shards'));
    labDatabase(path.join(plan, 'shards', 'shard-0-of-2.sqlite'), 2);
    labDatabase(path.join(plan, 'shards', 'shard-1-of-2.sqlite'), 1);
    fs.writeFileSync(path.join(plan, 'shards', 'shard-1-of-2.json'), '{}');
    const { host, dialog, actions, messages } = setUp({ open: [plan] });
    await actions.importRunsFromFolder();
    expect(dialog.showOpenDialog.mock.calls[0]).toMatchObject([{ properties: ['openDirectory'] }]);
    expect(host.store.listRuns()).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      type: 'info',
      message: `Imported 3 runs from 2 files in ${path.basename(plan)}`,
    });

    const empty = tempFolder();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [empty] });
    await actions.importRunsFromFolder();
    expect(messages[1]).toMatchObject({ type: 'error', message: `No lab databases in ${path.basename(empty)}` });
    expect(host.store.listRuns()).toHaveLength(3);
  });

  it('adds nothing from a file that is not a lab database, and leaves that file alone', async () => {
    const elsewhere = tempFolder();
    fs.writeFileSync(path.join(elsewhere, 'junk.sqlite'), Buffer.alloc(4096, 7));
    const before = folderContents(elsewhere);
    const { host, deps, actions, messages } = setUp({ open: [path.join(elsewhere, 'junk.sqlite')] });
    await actions.importRuns();
    expect(messages[0]).toMatchObject({
      type: 'error',
      message: 'Could not import runs from junk.sqlite',
      detail: expect.stringContaining('Nothing was added'),
    });
    expect(host.store.listRuns()).toEqual([]);
    expect(deps.runsChanged).not.toHaveBeenCalled();
    expect(folderContents(elsewhere)).toEqual(before);
  });
});

describe('File > Back Up Database…', () => {
  it('writes a backup that opens as a lab database with the same runs', async () => {
    const target = path.join(tempFolder(), 'backup.sqlite');
    const { host, actions, messages } = setUp({ save: [target] });
    host.store.createRun({ config: smallConfig(), name: 'precious' });
    await actions.backupDatabase();
    expect(messages[0]).toMatchObject({ type: 'info', message: 'Backup written', detail: target });
    const copy = openStore(target, { readonly: true });
    expect(copy.listRuns().map((run) => run.name)).toEqual(['precious']);
    copy.close();
  });

  it('replaces a file the user chose to overwrite, through a fresh file', async () => {
    const folder = tempFolder();
    const target = path.join(folder, 'old-backup.sqlite');
    fs.writeFileSync(target, 'an old file the save dialog asked about');
    const { host, actions } = setUp({ save: [target] });
    host.store.createRun({ config: smallConfig(), name: 'new' });
    await actions.backupDatabase();
    expect(fs.readdirSync(folder)).toEqual(['old-backup.sqlite']);
    const copy = openStore(target, { readonly: true });
    expect(copy.listRuns().map((run) => run.name)).toEqual(['new']);
    copy.close();
  });

  it('refuses the open database itself and a database in use, changing nothing', async () => {
    const busy = tempFolder();
    fs.writeFileSync(path.join(busy, 'live.sqlite'), 'a database');
    fs.writeFileSync(path.join(busy, 'live.sqlite-wal'), 'its log');
    const before = folderContents(busy);
    const { host, actions, messages, answers } = setUp();
    host.store.createRun({ config: smallConfig(), name: 'kept' });
    answers.save = [host.file, path.join(busy, 'live.sqlite')];
    await actions.backupDatabase();
    await actions.backupDatabase();
    expect(messages.map((box) => box.detail)).toEqual([
      expect.stringContaining('the open database itself'),
      expect.stringContaining('in use'),
    ]);
    expect(host.store.listRuns().map((run) => run.name)).toEqual(['kept']);
    expect(folderContents(busy)).toEqual(before);
  });
});

describe('File > Show Database in Folder', () => {
  it('shows the open database file in the file manager', () => {
    const { host, shell, actions } = setUp();
    actions.revealDataFolder();
    expect(shell.showItemInFolder).toHaveBeenCalledWith(host.file);
  });
});
