import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  placeOnScreens,
  readDesktopState,
  viewOf,
  writeDesktopState,
  type DesktopState,
} from '../../src-main/electron/desktopState';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttlab-state-'));
  file = path.join(dir, 'desktop-state.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const state: DesktopState = {
  bounds: { x: -1600, y: 40, width: 1200, height: 800 },
  maximized: false,
  view: '/runs/0b7c',
  databaseFile: path.resolve('/data/lab/runs.sqlite'),
};

describe('the desktop state file', () => {
  it('round-trips what the app remembers, through a temporary file', () => {
    writeDesktopState(file, state);
    expect(readDesktopState(file)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual(['desktop-state.json']);
  });

  it('reads a missing file as empty, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(readDesktopState(path.join(dir, 'none.json'))).toEqual({});
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each([
    ['not JSON', '{"bounds": {"x": 1,'],
    ['a number', '42'],
    ['a window too small', JSON.stringify({ bounds: { x: 0, y: 0, width: 10, height: 10 } })],
    ['a position far off any screen', JSON.stringify({ bounds: { x: 1e9, y: 0, width: 1000, height: 700 } })],
    ['a view that is not a route', JSON.stringify({ view: 'javascript:alert(1)' })],
    ['a relative database path', JSON.stringify({ databaseFile: 'runs.sqlite' })],
    ['binary garbage', '\u0000\u0001\u00ff'],
  ])('ignores a file holding %s, with one warning', (_what, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fs.writeFileSync(file, text);
    expect(readDesktopState(file)).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(file);
    warn.mockRestore();
  });

  it('drops unknown keys instead of refusing the file', () => {
    fs.writeFileSync(file, JSON.stringify({ ...state, futureSetting: true }));
    expect(readDesktopState(file)).toEqual(state);
  });

  it('never throws when it cannot write, and leaves no temporary file', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fs.mkdirSync(file);
    expect(() => writeDesktopState(file, state)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toEqual(['desktop-state.json']);
    warn.mockRestore();
  });
});

describe('placeOnScreens', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 900 };
  const left = { x: -1920, y: 0, width: 1920, height: 1080 };

  it('keeps a position whose title bar is on a screen', () => {
    expect(placeOnScreens(state.bounds!, [laptop, left])).toEqual(state.bounds);
    expect(placeOnScreens({ x: 1300, y: 10, width: 1000, height: 700 }, [laptop])).toEqual({
      x: 1300,
      y: 10,
      width: 1000,
      height: 700,
    });
  });

  it('keeps only the size, capped to the largest screen, once the screen is gone', () => {
    expect(placeOnScreens(state.bounds!, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(placeOnScreens({ x: -1900, y: 0, width: 1900, height: 1000 }, [laptop])).toEqual({
      width: 1440,
      height: 900,
    });
    expect(placeOnScreens({ x: 100, y: -500, width: 1000, height: 700 }, [laptop])).toEqual({
      width: 1000,
      height: 700,
    });
  });
});

describe('viewOf', () => {
  it('takes the route from a renderer URL, or nothing', () => {
    expect(viewOf('file:///opt/lab/out/renderer/index.html#/runs/r1')).toBe('/runs/r1');
    expect(viewOf('file:///opt/lab/out/renderer/index.html#/new')).toBe('/new');
    expect(viewOf('file:///opt/lab/out/renderer/index.html')).toBeUndefined();
    expect(viewOf('file:///opt/lab/out/renderer/index.html#"><img>')).toBeUndefined();
    expect(viewOf('not a url')).toBeUndefined();
  });
});
