/** The one application window: sandboxed renderer, isolated preload, no Node. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { AppFiles } from './appFiles';

export function mainWindowOptions(files: AppFiles): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Two-Timescale Lab',
    show: false,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function createMainWindow(files: AppFiles): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(files));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(files.rendererIndex);
  return window;
}
