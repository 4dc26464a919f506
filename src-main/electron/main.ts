/** The Electron main process: wires the lab's services to one hardened window. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createLab } from '../service/lab';
import { DATABASE_FILE } from '../store/paths';
import { appFiles } from './appFiles';
import { hardenContents, hardenSession } from './hardening';
import { forwardLabEvents, registerLabIpc } from './ipc';
import { claimSingleInstance, quitAfter } from './lifecycle';
import { utilityTrainer } from './utilityTrainer';
import { createMainWindow } from './window';

const files = appFiles(import.meta.dirname);
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const lab = createLab({ dbFile: join(app.getPath('userData'), DATABASE_FILE), spawn: utilityTrainer(files.trainer) });
  quitAfter(app, () => lab.close());
  registerLabIpc(ipcMain, lab, files.rendererUrl);
  mainWindow = createMainWindow(files);
  const stopEvents = forwardLabEvents(lab, mainWindow.webContents);
  mainWindow.on('closed', () => {
    stopEvents();
    mainWindow = null;
  });
}

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Two-Timescale Lab could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
} else {
  app.quit();
}
