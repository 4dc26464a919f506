/** The version printed in reports is found from the sources, a built entry and a built shared chunk alike. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appVersion, readAppVersion } from '../../src-main/report/version';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ttlab-version-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'two-timescale-lab', version: '9.8.7' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const moduleIn = (folder: string) => {
  mkdirSync(join(root, folder), { recursive: true });
  return pathToFileURL(join(root, folder, 'module.js')).href;
};

describe('readAppVersion', () => {
  it.each(['src-main/report', 'out/main', 'out/main/chunks'])('finds the version from %s', (folder) => {
    expect(readAppVersion(moduleIn(folder))).toBe('9.8.7');
  });

  it('skips a package.json that is not the app', () => {
    const chunk = moduleIn('out/main/chunks');
    writeFileSync(join(root, 'out/package.json'), JSON.stringify({ name: 'something-else', version: '1.0.0' }));
    expect(readAppVersion(chunk)).toBe('9.8.7');
  });

  it('says unknown when there is none', () => {
    rmSync(join(root, 'package.json'));
    expect(readAppVersion(moduleIn('out/main/chunks'))).toBe('unknown');
  });

  it("is this project's version from the sources", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(appVersion()).toBe(pkg.version);
  });
});
