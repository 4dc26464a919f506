/**
 * The native application menu. Lab commands (New Run, Run, Cancel, Compare, Export, Find, Toggle Theme) are relayed
 * to the renderer on `menu:command`; database actions run here, in the main process.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { FileActions } from './fileActions';
import { accelerator, COMMANDS, type Command } from '#shared/api/commands';

export interface MenuActions extends FileActions {
  /** Relays a command to the window's page. */
  send(command: Command): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** `developer` adds Reload and the developer tools (running from the project folder, not packaged). */
export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  developer: boolean,
): MenuItemConstructorOptions[] {
  const command = (name: Command): MenuItemConstructorOptions => ({
    label: COMMANDS[name].label,
    accelerator: accelerator(name),
    click: () => actions.send(name),
  });
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('new-run'),
      separator,
      { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openDatabase() },
      { label: 'Import Runs…', click: () => void actions.importRuns() },
      { label: 'Import Runs From Folder…', click: () => void actions.importRunsFromFolder() },
      { label: 'Back Up Database…', click: () => void actions.backupDatabase() },
      { label: mac ? 'Reveal Database in Finder' : 'Show Database in Folder', click: () => actions.revealDataFolder() },
      separator,
      command('export'),
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('search'),
    ],
  };
  const run: MenuItemConstructorOptions = {
    label: 'Run',
    submenu: [command('run'), command('cancel'), separator, command('compare')],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('toggle-theme'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(developer ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, run, view, { role: 'windowMenu' }];
}
