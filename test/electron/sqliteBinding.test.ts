import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindingNameFromMarker } from '../../scripts/dist.mjs';
import { electronBindingName, sqliteBinding } from '../../src-main/electron/sqliteBinding';

let appPath: string;
const electron45 = { platform: 'linux', arch: 'x64', abi: '150' };

beforeEach(() => {
  appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'ttlab-binding-'));
});
afterEach(() => fs.rmSync(appPath, { recursive: true, force: true }));

describe('the better-sqlite3 addon Electron loads', () => {
  it('is the saved Electron build when started from the project folder', () => {
    const saved = path.join(appPath, 'native', 'better_sqlite3-linux-x64-abi150.node');
    fs.mkdirSync(path.dirname(saved));
    fs.writeFileSync(saved, '');
    expect(sqliteBinding(appPath, false, electron45)).toBe(saved);
    expect(sqliteBinding(appPath, false, { ...electron45, abi: '151' })).toBeUndefined();
    expect(sqliteBinding(appPath, false, { ...electron45, arch: 'arm64' })).toBeUndefined();
  });

  it("is better-sqlite3's own when packaged (rebuilt for Electron) or when nothing was saved", () => {
    fs.mkdirSync(path.join(appPath, 'native'));
    fs.writeFileSync(path.join(appPath, 'native', electronBindingName('linux', 'x64', '150')), '');
    expect(sqliteBinding(appPath, true, electron45)).toBeUndefined();
    expect(sqliteBinding(path.join(appPath, 'elsewhere'), false, electron45)).toBeUndefined();
  });

  it('is named by scripts/dist.mjs from the @electron/rebuild marker exactly as the app looks it up', () => {
    expect(bindingNameFromMarker('linux--x64--150')).toBe(electronBindingName('linux', 'x64', '150'));
    expect(bindingNameFromMarker('darwin--arm64--150\n')).toBe(electronBindingName('darwin', 'arm64', '150'));
    expect(() => bindingNameFromMarker('garbage')).toThrow(/marker/);
  });
});
