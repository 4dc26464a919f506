/** Types of fuses.mjs, for the tests. */
import type { FuseV1Config } from '@electron/fuses';

/** The subset of electron-builder's AfterPackContext the hook uses. */
export interface FuseHookContext {
  electronPlatformName: string;
  packager: { addElectronFuses(context: FuseHookContext, fuses: FuseV1Config): Promise<unknown> };
}
export declare function fuseConfig(platform: string): FuseV1Config;
export declare function afterPack(context: FuseHookContext): Promise<void>;
