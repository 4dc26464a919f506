import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from '../../src-main/store/paths';

describe('defaultDatabasePath', () => {
  it('uses TTLAB_DB when set', () => {
    expect(defaultDatabasePath({ TTLAB_DB: '/data/lab.sqlite' }, 'linux', '/home/ada')).toBe('/data/lab.sqlite');
    expect(defaultDatabasePath({ TTLAB_DB: 'lab.sqlite' }, 'linux', '/home/ada')).toBe(path.resolve('lab.sqlite'));
  });

  it("follows Electron's userData folder on Linux", () => {
    expect(defaultDatabasePath({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Two-Timescale Lab/runs.sqlite');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe(
      '/xdg/Two-Timescale Lab/runs.sqlite',
    );
  });

  it('on macOS', () => {
    expect(defaultDatabasePath({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Two-Timescale Lab/runs.sqlite',
    );
  });

  it('on Windows', () => {
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Two-Timescale Lab\\runs.sqlite',
    );
    expect(defaultDatabasePath({}, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Two-Timescale Lab\\runs.sqlite',
    );
  });
});
