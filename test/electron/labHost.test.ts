import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hostOnRemembered, LabHost } from '../../src-main/electron/labHost';
import type { Lab } from '../../src-main/service/lab';
import { tempFolder } from '../store/helpers';

vi.mock('electron', () => ({}));

/** A lab stand-in on `file`, recording when it closes; refuses files named "bad*". */
function fakeLabs() {
  const closed: string[] = [];
  /** Ends the close of the lab on a file. */
  const releases = new Map<string, () => void>();
  const open = vi.fn((file: string): Lab => {
    if (path.basename(file).startsWith('bad')) throw new Error(`${file} is not a Two-Timescale Lab database`);
    return {
      handlers: { listRuns: () => [file] } as never,
      events: { on: () => () => undefined },
      store: { file } as never,
      close: () =>
        new Promise<void>((resolve) =>
          releases.set(file, () => {
            closed.push(file);
            resolve();
          }),
        ),
    };
  });
  return { open, closed, finishClosing: (file: string) => releases.get(file)!() };
}

describe('LabHost', () => {
  it('answers through the lab of the moment', async () => {
    const folder = tempFolder();
    const labs = fakeLabs();
    const host = new LabHost(labs.open, path.join(folder, 'a.sqlite'));
    const handlers = () => (host.handlers as unknown as { listRuns: () => string[] }).listRuns();
    expect(handlers()).toEqual([path.join(folder, 'a.sqlite')]);
    const switching = host.switchTo(path.join(folder, 'b.sqlite'));
    expect(handlers()).toEqual([path.join(folder, 'b.sqlite')]);
    expect(host.file).toBe(path.join(folder, 'b.sqlite'));
    labs.finishClosing(path.join(folder, 'a.sqlite'));
    await expect(switching).resolves.toBe(true);
    expect(labs.closed).toEqual([path.join(folder, 'a.sqlite')]);
  });

  it('keeps the current lab running when the new file is refused', async () => {
    const folder = tempFolder();
    const labs = fakeLabs();
    const host = new LabHost(labs.open, path.join(folder, 'a.sqlite'));
    await expect(host.switchTo(path.join(folder, 'bad.sqlite'))).rejects.toThrow(/not a Two-Timescale Lab database/);
    expect(host.file).toBe(path.join(folder, 'a.sqlite'));
    expect(labs.closed).toEqual([]);
  });

  it('does nothing when asked for the open file, under any name', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'a.sqlite');
    fs.writeFileSync(file, '');
    fs.linkSync(file, path.join(folder, 'link.sqlite'));
    const labs = fakeLabs();
    const host = new LabHost(labs.open, file);
    expect(await host.switchTo(path.join(folder, '.', 'a.sqlite'))).toBe(false);
    expect(await host.switchTo(path.join(folder, 'link.sqlite'))).toBe(false);
    expect(labs.open).toHaveBeenCalledTimes(1);
  });

  it('closing waits for a lab still closing after a switch', async () => {
    const folder = tempFolder();
    const labs = fakeLabs();
    const host = new LabHost(labs.open, path.join(folder, 'a.sqlite'));
    void host.switchTo(path.join(folder, 'b.sqlite'));
    let done = false;
    const closing = host.close().then(() => (done = true));
    labs.finishClosing(path.join(folder, 'b.sqlite'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    labs.finishClosing(path.join(folder, 'a.sqlite'));
    await closing;
    expect(labs.closed.sort()).toEqual([path.join(folder, 'a.sqlite'), path.join(folder, 'b.sqlite')]);
  });
});

describe('hostOnRemembered', () => {
  it('opens the database of last time', () => {
    const labs = fakeLabs();
    const warn = vi.fn();
    expect(hostOnRemembered(labs.open, '/data/mine.sqlite', '/home/ada/runs.sqlite', warn).file).toBe(
      '/data/mine.sqlite',
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to the default database, saying why, when that one no longer opens', () => {
    const labs = fakeLabs();
    const warn = vi.fn();
    expect(hostOnRemembered(labs.open, '/data/bad.sqlite', '/home/ada/runs.sqlite', warn).file).toBe(
      '/home/ada/runs.sqlite',
    );
    expect(warn).toHaveBeenCalledWith(
      '/data/bad.sqlite',
      expect.objectContaining({ message: expect.stringContaining('not a Two-Timescale Lab database') }),
    );
  });

  it('opens the default database when nothing is remembered, and lets its failure through', () => {
    const labs = fakeLabs();
    expect(hostOnRemembered(labs.open, undefined, '/home/ada/runs.sqlite', vi.fn()).file).toBe('/home/ada/runs.sqlite');
    expect(() => hostOnRemembered(labs.open, undefined, '/home/ada/bad.sqlite', vi.fn())).toThrow();
  });
});
