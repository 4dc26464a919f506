/**
 * What `npm install` does in a checkout: builds the workbench and `ttlab` (the prepare script), runs only the install
 * scripts the project decided on, and the README states the Node versions the package declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const pkg = readJson('package.json') as {
  engines?: { node?: string };
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
  bin: Record<string, string>;
};
const lock = readJson('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('npm install', () => {
  it('builds the workbench and the ttlab command', () => {
    expect(pkg.scripts.prepare).toBe('node scripts/ensure-build.mjs');
    expect(pkg.bin.ttlab).toBe('bin/ttlab.mjs');
  });

  it('has a decision in allowScripts for every package with an install script (npm warns about the rest)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
  });

  it('declares the Node versions it supports, and the README states them', () => {
    const minimum = /^>=(\d+\.\d+)\.\d+$/.exec(pkg.engines?.node ?? '')?.[1];
    expect(minimum, 'engines.node as ">=X.Y.Z"').toBeDefined();
    expect(readme).toContain(`Node ${minimum} or newer`);
    expect(readme).toMatch(/EBADENGINE/);
  });
});
