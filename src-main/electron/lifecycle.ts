/** App-level lifecycle: one instance, quit with the last window, close the lab (and its trainers) before exiting. */
import type { App, BrowserWindow } from 'electron';

/** False when another instance already runs; that one gets focused instead. */
export function claimSingleInstance(app: App, focusTarget: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = focusTarget();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}

/** Quits with the last window, after `close()` has finished (stopping trainers, closing the database). */
export function quitAfter(app: App, close: () => Promise<void>): void {
  let closed = false;
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void close()
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
