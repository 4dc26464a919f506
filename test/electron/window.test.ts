import { beforeEach, describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as Array<{ options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }>);

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadFile: this.loadFile, once: this.once });
    }
  },
}));

const { appFiles } = await import('../../src-main/electron/appFiles');
const { createMainWindow, mainWindowOptions } = await import('../../src-main/electron/window');

const files = appFiles('/opt/lab/out/main');

beforeEach(() => {
  created.length = 0;
});

describe('the main window', () => {
  it('runs the renderer isolated, sandboxed, without Node, with web security', () => {
    const preferences = mainWindowOptions(files).webPreferences!;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(preferences.preload).toBe('/opt/lab/out/preload/index.cjs');
  });

  it('is created with those options and loads the built renderer from disk', () => {
    createMainWindow(files);
    expect(created).toHaveLength(1);
    expect(created[0].options).toEqual(mainWindowOptions(files));
    expect(created[0].loadFile).toHaveBeenCalledWith('/opt/lab/out/renderer/index.html');
  });
});

describe('appFiles', () => {
  it('finds the preload, renderer and trainer beside out/main', () => {
    expect(files).toEqual({
      preload: '/opt/lab/out/preload/index.cjs',
      rendererIndex: '/opt/lab/out/renderer/index.html',
      rendererUrl: 'file:///opt/lab/out/renderer/index.html',
      trainer: '/opt/lab/out/main/trainer.js',
    });
  });

  it('percent-encodes the renderer URL the way Chromium reports frame URLs', () => {
    expect(appFiles('/Users/Ada Lovelace/lab/out/main').rendererUrl).toBe('file:///Users/Ada%20Lovelace/lab/out/renderer/index.html');
  });
});
