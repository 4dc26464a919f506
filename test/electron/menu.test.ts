import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../src-main/electron/menu';
import { commands as menuCommands } from '#shared/api/commands';

vi.mock('electron', () => ({}));

function fakeActions() {
  return {
    send: vi.fn(),
    openDatabase: vi.fn(async () => undefined),
    importRuns: vi.fn(async () => undefined),
    importRunsFromFolder: vi.fn(async () => undefined),
    backupDatabase: vi.fn(async () => undefined),
    revealDataFolder: vi.fn(),
  } satisfies MenuActions;
}

/** Every item of the template, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byLabel = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('the application menu', () => {
  it('has the lab shortcuts, each sending its command to the page', () => {
    const expected = {
      'New Run': ['CmdOrCtrl+N', 'new-run'],
      'Start Run': ['CmdOrCtrl+Enter', 'run'],
      'Cancel Run': ['CmdOrCtrl+.', 'cancel'],
      'Compare Runs': ['CmdOrCtrl+Shift+C', 'compare'],
      'Export…': ['CmdOrCtrl+E', 'export'],
      'Find Runs…': ['CmdOrCtrl+F', 'search'],
      'Toggle Light/Dark Theme': ['CmdOrCtrl+Shift+L', 'toggle-theme'],
    };
    const actions = fakeActions();
    const template = menuTemplate(actions, 'linux', false);
    for (const [label, [accelerator, command]] of Object.entries(expected)) {
      const item = byLabel(template, label);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(actions.send).toHaveBeenLastCalledWith(command);
    }
    expect(actions.send.mock.calls.map(([command]) => command).sort()).toEqual([...menuCommands].sort());
  });

  it('gives every accelerator to one item only', () => {
    const accelerators = items(menuTemplate(fakeActions(), 'darwin', true)).flatMap((item) =>
      item.accelerator ? [String(item.accelerator)] : [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('runs the database actions of the File menu in the main process', () => {
    const actions = fakeActions();
    const template = menuTemplate(actions, 'linux', false);
    expect(byLabel(template, 'Open Database…')?.accelerator).toBe('CmdOrCtrl+O');
    click(byLabel(template, 'Open Database…'));
    click(byLabel(template, 'Import Runs…'));
    click(byLabel(template, 'Back Up Database…'));
    click(byLabel(template, 'Show Database in Folder'));
    expect(actions.openDatabase).toHaveBeenCalledTimes(1);
    expect(actions.importRuns).toHaveBeenCalledTimes(1);
    expect(actions.backupDatabase).toHaveBeenCalledTimes(1);
    expect(actions.revealDataFolder).toHaveBeenCalledTimes(1);
    expect(actions.send).not.toHaveBeenCalled();
  });

  it('follows each platform: app menu and Finder on macOS, Quit in File elsewhere', () => {
    const mac = menuTemplate(fakeActions(), 'darwin', false);
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(byLabel(mac, 'Reveal Database in Finder')).toBeDefined();
    expect(items(mac).some((item) => item.role === 'quit')).toBe(false);
    const linux = menuTemplate(fakeActions(), 'linux', false);
    expect(linux.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'Run', 'View', 'windowMenu']);
    expect(items(linux).some((item) => item.role === 'quit')).toBe(true);
  });

  it('offers reload and the developer tools only outside the packaged app', () => {
    const roles = (developer: boolean) =>
      items(menuTemplate(fakeActions(), 'win32', developer)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});
