/** The packaging configuration, loaded and validated by electron-builder's own code, and the fuses hook. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { afterPack, fuseConfig, type FuseHookContext } from '../../scripts/fuses.mjs';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Target {
  target: string[];
  icon: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: Array<{ filter: string[] }>;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  linux: Target;
  mac: Target;
  win: Target;
}

let config: BuilderConfig;

beforeAll(async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  config = await getConfig(root, 'electron-builder.yml', null);
  // Throws on any key or value outside electron-builder's schema.
  await validateConfiguration(config, new DebugLogger(false));
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const buildFile = (path: string) => join(root, config.directories.buildResources, path);

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.twotimescale.lab');
    expect(config.productName).toBe('Two-Timescale Lab');
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).productName).toBe(config.productName);
  });

  it('builds AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('has icons of the sizes each OS asks for', () => {
    expect(pngSize(buildFile('icons/512x512.png'))).toEqual({ width: 512, height: 512 });
    expect(pngSize(buildFile('icons/256x256.png'))).toEqual({ width: 256, height: 256 });
    expect(config.linux.icon).toBe('icons');
    expect(pngSize(buildFile(config.mac.icon)).width).toBeGreaterThanOrEqual(512);
    expect(pngSize(buildFile(config.win.icon)).width).toBeGreaterThanOrEqual(256);
  });

  it('packs the built app and its resources, starting from package.json main', () => {
    const patterns = config.files.flatMap((set) => set.filter);
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main).toMatch(/^out\//);
    expect(config.directories.output).toBe('release');
  });

  it('rebuilds native modules for Electron and keeps better-sqlite3 outside app.asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', '**/*.node']));
  });

  it('flips the fuses in an afterPack hook that electron-builder can load', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve');
    const hook = (await resolveFunction('module', config.afterPack, 'afterPack', root)) as typeof afterPack;
    const addElectronFuses = vi.fn(async () => 1);
    await hook({ electronPlatformName: 'linux', packager: { addElectronFuses } });
    expect(addElectronFuses).toHaveBeenCalledWith(expect.anything(), fuseConfig('linux'));
  });
});

describe('the fuses', () => {
  it.each(['linux', 'darwin', 'mas', 'win32'])(
    'on %s: no Node mode, no NODE_OPTIONS, no inspector, encrypted cookies, app.asar only',
    (platform) => {
      expect(fuseConfig(platform)).toMatchObject({
        version: FuseVersion.V1,
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableCookieEncryption]: true,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
      });
    },
  );

  it('checks app.asar integrity where Electron supports it (macOS, Windows), and re-signs ad hoc on macOS', () => {
    const integrity = (platform: string) => fuseConfig(platform)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation];
    expect([integrity('darwin'), integrity('mas'), integrity('win32'), integrity('linux')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
  });

  it('turns off file:// privileges (the UI comes from app://) and leaves the other newer fuses alone (V8 snapshot, WebAssembly trap handlers)', () => {
    const set = Object.keys(fuseConfig('linux'))
      .filter((key) => /^\d+$/.test(key))
      .map(Number);
    expect(set.sort()).toEqual([0, 1, 2, 3, 4, 5, 7]);
    expect(fuseConfig('linux')[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('the hook hands the platform fuse map to electron-builder for the packed binary', async () => {
    const addElectronFuses = vi.fn(async () => 1);
    const context: FuseHookContext = { electronPlatformName: 'win32', packager: { addElectronFuses } };
    await afterPack(context);
    expect(addElectronFuses).toHaveBeenCalledExactlyOnceWith(context, fuseConfig('win32'));
  });
});
