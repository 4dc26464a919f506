/** The Electron entry's wiring, with electron and the lab replaced by fakes; the state file is real, in a temp folder. */
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventNames } from '#shared/api/contract';
import { createStubLab } from '../host/stubLab';
import { tempFolder } from '../store/helpers';

type FakeWindow = EventEmitter & {
  options: { x?: number; width: number; backgroundColor: string; webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { send: ReturnType<typeof vi.fn> };
  loadURL: ReturnType<typeof vi.fn>;
};

const fake = vi.hoisted(() => ({
  app: null as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>>,
  userData: '',
  windows: [] as FakeWindow[],
  handles: new Map<string, unknown>(),
  sessionCalls: [] as string[],
  menu: null as MenuItemConstructorOptions[] | null,
  createLab: vi.fn(),
  gotLock: true,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => fake.gotLock),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => (name === 'userData' ? fake.userData : `${fake.userData}/${name}`)),
    getAppPath: vi.fn(() => fake.userData),
    isPackaged: true,
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  fake.app = app as never;
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { send: vi.fn(), isDestroyed: () => false, reload: vi.fn() });
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
    setBackgroundColor = vi.fn();
    getNormalBounds = () => ({ x: 40, y: 30, width: 1280, height: 820 });
    isMaximized = () => false;
    constructor(readonly options: FakeWindow['options']) {
      super();
      fake.windows.push(this as never);
    }
  }
  const recordSession = (name: string) => () => fake.sessionCalls.push(name);
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (channel: string, handler: unknown) => fake.handles.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (fake.menu = menu),
    },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: true }),
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: recordSession('permission-request'),
        setPermissionCheckHandler: recordSession('permission-check'),
        setDevicePermissionHandler: recordSession('device-permission'),
        webRequest: { onBeforeRequest: recordSession('block-network'), onHeadersReceived: recordSession('csp-header') },
        protocol: { handle: recordSession('app-protocol') },
      },
    },
    shell: { showItemInFolder: vi.fn() },
    utilityProcess: { fork: vi.fn() },
  };
});
vi.mock('../../src-main/service/lab', () => ({ createLab: fake.createLab }));

/** Runs the entry afresh; the electron fake survives vi.resetModules, so its listeners and calls are cleared here. */
async function startMain() {
  vi.resetModules();
  fake.app?.removeAllListeners();
  vi.clearAllMocks();
  fake.windows.length = 0;
  fake.handles.clear();
  fake.sessionCalls.length = 0;
  fake.menu = null;
  await import('../../src-main/electron/main');
  await new Promise((resolve) => setImmediate(resolve));
}

/** A lab stand-in on `dbFile`, as createLab returns. */
function stubLabOn(dbFile: string) {
  return { ...createStubLab(), store: { file: dbFile }, close: vi.fn(async () => undefined) };
}

const stateFile = () => path.join(fake.userData, 'desktop-state.json');
const readState = () => JSON.parse(fs.readFileSync(stateFile(), 'utf8'));

beforeEach(() => {
  fake.gotLock = true;
  fake.userData = tempFolder();
  fake.createLab.mockReset();
  fake.createLab.mockImplementation(({ dbFile }: { dbFile: string }) => stubLabOn(dbFile));
});

describe('the Electron entry', () => {
  it('opens the lab in userData with utility-process trainers and render process, hardens the session and opens one window', async () => {
    await startMain();
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fake.createLab).toHaveBeenCalledTimes(1);
    const options = fake.createLab.mock.calls[0][0] as {
      dbFile: string;
      spawn: unknown;
      spawnRenderer: unknown;
      nativeBinding: unknown;
    };
    expect(options.dbFile).toBe(path.join(fake.userData, 'runs.sqlite'));
    expect(options.nativeBinding).toBeUndefined();
    expect(typeof options.spawn).toBe('function');
    expect(typeof options.spawnRenderer).toBe('function');
    expect(fake.sessionCalls.sort()).toEqual([
      'app-protocol',
      'block-network',
      'csp-header',
      'device-permission',
      'permission-check',
      'permission-request',
    ]);
    expect([...fake.handles.keys()]).toEqual(['lab:invoke']);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0].options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(fake.windows[0].options.backgroundColor).toBe('#12151c');
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(readState()).toEqual({ databaseFile: path.join(fake.userData, 'runs.sqlite') });
  });

  it('forwards lab events to the window until it closes, then remembers where it was', async () => {
    await startMain();
    const lab = fake.createLab.mock.results[0].value as ReturnType<typeof stubLabOn>;
    expect(lab.listenerCount()).toBe(eventNames.length);
    const window = fake.windows[0];
    window.webContents.emit('did-navigate-in-page', {}, 'file:///x/index.html#/runs/r7');
    window.emit('close');
    window.emit('closed');
    expect(lab.listenerCount()).toBe(0);
    expect(readState()).toMatchObject({
      view: '/runs/r7',
      bounds: { x: 40, y: 30, width: 1280, height: 820 },
      maximized: false,
    });
  });

  it('reopens the remembered database, size, place and view', async () => {
    const databaseFile = path.join(tempFolder(), 'mine.sqlite');
    fs.writeFileSync(
      stateFile(),
      JSON.stringify({ databaseFile, bounds: { x: 100, y: 50, width: 1000, height: 700 }, view: '/runs' }),
    );
    await startMain();
    expect(fake.createLab.mock.calls[0][0]).toMatchObject({ dbFile: databaseFile });
    expect(fake.windows[0].options).toMatchObject({ x: 100, width: 1000 });
    expect(fake.windows[0].loadURL).toHaveBeenCalledWith('app://lab/index.html#/runs');
  });

  it('says why and opens the default database when the remembered one is refused', async () => {
    const databaseFile = path.join(tempFolder(), 'gone-bad.sqlite');
    fs.writeFileSync(stateFile(), JSON.stringify({ databaseFile }));
    fake.createLab.mockImplementation(({ dbFile }: { dbFile: string }) => {
      if (dbFile === databaseFile) throw new Error('gone-bad.sqlite is damaged; the file was left untouched');
      return stubLabOn(dbFile);
    });
    await startMain();
    const { dialog } = await import('electron');
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'The last database could not be opened',
      expect.stringContaining('is damaged'),
    );
    expect(fake.windows).toHaveLength(1);
    expect(readState().databaseFile).toBe(path.join(fake.userData, 'runs.sqlite'));
  });

  it('ignores a corrupt state file', async () => {
    fs.writeFileSync(stateFile(), '{"bounds": ');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startMain();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0].options).toMatchObject({ width: 1400 });
  });

  it('installs the menu, whose lab commands reach the page on menu:command', async () => {
    await startMain();
    const newRun = fake
      .menu!.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
      .find((item) => item.label === 'New Run');
    (newRun!.click as () => void)();
    expect(fake.windows[0].webContents.send).toHaveBeenCalledWith('menu:command', 'new-run');
  });

  it('closes the lab before quitting, once', async () => {
    let finishClose = () => {};
    const lab = {
      ...stubLabOn('/x/runs.sqlite'),
      close: vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve))),
    };
    fake.createLab.mockReturnValue(lab);
    await startMain();

    const quitEvent = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    expect(lab.close).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).not.toHaveBeenCalled();
    finishClose();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));

    const secondQuit = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
    expect(lab.close).toHaveBeenCalledTimes(1);
  });

  it('shows the reason and exits when the lab cannot open', async () => {
    fake.createLab.mockImplementation(() => {
      throw new Error('runs.sqlite has schema 9, newer than this app');
    });
    await startMain();
    const { dialog } = await import('electron');
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Two-Timescale Lab could not start',
      'runs.sqlite has schema 9, newer than this app',
    );
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('a second instance quits at once, without opening the lab', async () => {
    fake.gotLock = false;
    await startMain();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.createLab).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });
});
