/** The one application window: sandboxed renderer, isolated preload, no Node; opened where it was last left. */
import { BrowserWindow } from 'electron';
import type { AppFiles } from './appFiles';
import { MIN_WINDOW, viewOf, type DesktopState, type WindowBounds } from './desktopState';

/** Where and how the window opens: remembered bounds (or only a size), maximized, and the view to show. */
export interface WindowPlacement {
  bounds?: Partial<WindowBounds>;
  maximized?: boolean;
  view?: string;
}

export function createMainWindow(files: AppFiles, placement: WindowPlacement, backgroundColor: string): BrowserWindow {
  // The options stay literal here so that the security scan (scripts/electronegativity.mjs) can read them.
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    ...placement.bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: 'Two-Timescale Lab',
    show: false,
    backgroundColor,
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open links in a new window (denied anyway by hardenContents).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(pageUrl(files, placement.view));
  return window;
}

/** The UI's page (served from app://, see appProtocol.ts), at `view` when given. */
export function pageUrl(files: Pick<AppFiles, 'rendererUrl'>, view?: string): string {
  return view ? `${files.rendererUrl}#${view}` : files.rendererUrl;
}

/** Reports the view on every in-page navigation and the window's bounds when it closes, for desktopState. */
export function watchPlacement(
  window: BrowserWindow,
  remember: (patch: Pick<DesktopState, 'bounds' | 'maximized' | 'view'>) => void,
): void {
  window.webContents.on('did-navigate-in-page', (_event, url) => {
    const view = viewOf(url);
    if (view) remember({ view });
  });
  window.on('close', () => {
    // Whole pixels: on a scaled display Electron may report fractions, which the state file refuses.
    const { x, y, width, height } = window.getNormalBounds();
    remember({
      bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
      maximized: window.isMaximized(),
    });
  });
}
