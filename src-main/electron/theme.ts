/**
 * Light and dark follow the OS: Electron passes nativeTheme to the page's prefers-color-scheme, and the window's own
 * background (shown before the page paints, and behind it while resizing) is kept to the page's colour for that theme.
 */
import type { BrowserWindow, NativeTheme } from 'electron';

/** The renderer's --bg in each theme (src-renderer/src/styles.css). */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#12151c' } as const;

export function windowBackground(theme: Pick<NativeTheme, 'shouldUseDarkColors'>): string {
  return theme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/** Repaints `window`'s background whenever the OS theme changes; returns the function that stops. */
export function followSystemTheme(theme: NativeTheme, window: BrowserWindow): () => void {
  const update = () => {
    if (!window.isDestroyed()) window.setBackgroundColor(windowBackground(theme));
  };
  theme.on('updated', update);
  return () => {
    theme.removeListener('updated', update);
  };
}
