/** The Electron main process: wires the lab's services to one hardened window, its menu and what it remembers. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { createLab } from '../service/lab';
import { DATABASE_FILE } from '../store/paths';
import { appFiles } from './appFiles';
import { registerAppScheme, serveAppScheme } from './appProtocol';
import { MENU_CHANNEL } from './channels';
import {
  DESKTOP_STATE_FILE,
  placeOnScreens,
  readDesktopState,
  writeDesktopState,
  type DesktopState,
} from './desktopState';
import { fileActions } from './fileActions';
import { hardenContents, hardenSession } from './hardening';
import { forwardLabEvents, registerLabIpc } from './ipc';
import { hostOnRemembered } from './labHost';
import { claimSingleInstance, quitAfter } from './lifecycle';
import { menuTemplate } from './menu';
import type { Command } from '#shared/api/commands';
import { errorMessage } from '#shared/base/errors';
import { sqliteBinding } from './sqliteBinding';
import { followSystemTheme, windowBackground } from './theme';
import { utilityTrainer } from './utilityTrainer';
import { createMainWindow, pageUrl, watchPlacement } from './window';

const files = appFiles(import.meta.dirname);
let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveAppScheme(session.defaultSession.protocol, files.rendererRoot);
  const stateFile = join(app.getPath('userData'), DESKTOP_STATE_FILE);
  const state = readDesktopState(stateFile);
  const remember = (patch: DesktopState) => writeDesktopState(stateFile, Object.assign(state, patch));

  const nativeBinding = sqliteBinding(app.getAppPath(), app.isPackaged);
  const openLab = (dbFile: string) =>
    createLab({
      dbFile,
      nativeBinding,
      spawn: utilityTrainer(files.trainer),
      spawnRenderer: utilityTrainer(files.reportRenderer, 'report-renderer'),
    });
  const host = hostOnRemembered(
    openLab,
    state.databaseFile,
    join(app.getPath('userData'), DATABASE_FILE),
    (file, error) =>
      dialog.showErrorBox(
        'The last database could not be opened',
        `${errorMessage(error)}\n\nThe lab opens its default database instead.`,
      ),
  );
  if (state.databaseFile !== host.file) remember({ databaseFile: host.file });
  quitAfter(app, () => host.close());
  registerLabIpc(ipcMain, host, files.rendererUrl);

  const bounds =
    state.bounds &&
    placeOnScreens(
      state.bounds,
      screen.getAllDisplays().map((display) => display.workArea),
    );
  const window = createMainWindow(
    files,
    { bounds, maximized: state.maximized, view: state.view },
    windowBackground(nativeTheme),
  );
  mainWindow = window;
  watchPlacement(window, remember);
  const stopTheme = followSystemTheme(nativeTheme, window);
  let stopEvents = forwardLabEvents(host, window.webContents);

  const actions = fileActions({
    dialog,
    shell,
    host,
    documents: app.getPath('documents'),
    databaseChanged: (file) => {
      stopEvents();
      stopEvents = forwardLabEvents(host, window.webContents);
      remember({ databaseFile: file });
      void window.loadURL(pageUrl(files, '/runs'));
    },
    runsChanged: () => window.webContents.reload(),
  });
  const send = (command: Command) => {
    if (!window.isDestroyed()) window.webContents.send(MENU_CHANNEL, command);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ ...actions, send }, process.platform, !app.isPackaged)),
  );

  window.on('closed', () => {
    stopEvents();
    stopTheme();
    mainWindow = null;
  });
}

// Every renderer sandboxed, whatever its options say, and the UI's own scheme declared (both before the app is ready).
app.enableSandbox();
registerAppScheme(protocol);
if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Two-Timescale Lab could not start', errorMessage(error));
      app.exit(1);
    });
} else {
  app.quit();
}
