/** The Electron entry's wiring, with electron and the lab replaced by fakes. */
import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStubLab } from '../host/stubLab';

const fake = vi.hoisted(() => ({
  app: null as unknown as EventEmitter & Record<string, ReturnType<typeof vi.fn>>,
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; emitter: EventEmitter }>,
  handles: new Map<string, unknown>(),
  sessionCalls: [] as string[],
  createLab: vi.fn(),
  gotLock: true,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => fake.gotLock),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => `/home/ada/.config/Two-Timescale Lab${name === 'userData' ? '' : `/${name}`}`),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  fake.app = app as never;
  class BrowserWindow extends EventEmitter {
    webContents = { send: vi.fn(), isDestroyed: () => false };
    loadFile = vi.fn(async () => undefined);
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      fake.windows.push({ options, emitter: this });
    }
  }
  const recordSession = (name: string) => () => fake.sessionCalls.push(name);
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, handler: unknown) => fake.handles.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: recordSession('permission-request'),
        setPermissionCheckHandler: recordSession('permission-check'),
        webRequest: { onHeadersReceived: recordSession('csp-header') },
      },
    },
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
  await import('../../src-main/electron/main');
  await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  fake.gotLock = true;
  fake.createLab.mockReset();
});

describe('the Electron entry', () => {
  it('opens the lab in userData with utility-process trainers, hardens the session and opens one window', async () => {
    const lab = { ...createStubLab(), close: vi.fn(async () => undefined) };
    fake.createLab.mockReturnValue(lab);
    await startMain();

    expect(fake.createLab).toHaveBeenCalledTimes(1);
    const options = fake.createLab.mock.calls[0][0] as { dbFile: string; spawn: unknown };
    expect(options.dbFile).toBe('/home/ada/.config/Two-Timescale Lab/runs.sqlite');
    expect(typeof options.spawn).toBe('function');
    expect(fake.sessionCalls.sort()).toEqual(['csp-header', 'permission-check', 'permission-request']);
    expect([...fake.handles.keys()]).toEqual(['lab:invoke']);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(lab.listenerCount()).toBe(3);

    fake.windows[0].emitter.emit('closed');
    expect(lab.listenerCount()).toBe(0);
  });

  it('closes the lab before quitting, once', async () => {
    let finishClose = () => {};
    const lab = { ...createStubLab(), close: vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve))) };
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
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Two-Timescale Lab could not start', 'runs.sqlite has schema 9, newer than this app');
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
