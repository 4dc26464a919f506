import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { followSystemTheme, WINDOW_BACKGROUND, windowBackground } from '../../src-main/electron/theme';

vi.mock('electron', () => ({}));

function fakeTheme(dark: boolean) {
  return Object.assign(new EventEmitter(), { shouldUseDarkColors: dark });
}

describe('the window follows the OS theme', () => {
  it('paints the page background of the current theme', () => {
    expect(windowBackground(fakeTheme(true))).toBe(WINDOW_BACKGROUND.dark);
    expect(windowBackground(fakeTheme(false))).toBe(WINDOW_BACKGROUND.light);
  });

  it('uses the renderer stylesheet colours, so no flash of the other colour at start', () => {
    const css = readFileSync(new URL('../../src-renderer/src/styles.css', import.meta.url), 'utf8');
    const backgrounds = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1].toLowerCase());
    expect(backgrounds).toEqual([WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark]);
  });

  it('repaints when the OS switches, until stopped or the window is gone', () => {
    const theme = fakeTheme(false);
    const window = { isDestroyed: vi.fn(() => false), setBackgroundColor: vi.fn() };
    const stop = followSystemTheme(theme as never, window as never);
    theme.shouldUseDarkColors = true;
    theme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUND.dark);
    window.isDestroyed.mockReturnValue(true);
    theme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenCalledTimes(1);
    stop();
    expect(theme.listenerCount('updated')).toBe(0);
  });
});
