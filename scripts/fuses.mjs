// electron-builder's afterPack hook: flips Electron's fuses on the packed binary, before electron-builder signs it.
// Fuses are bits in the Electron binary; once the app is signed, the OS refuses a binary whose bits were changed back.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Platforms where Electron checks the embedded app.asar hash at start (electron-builder writes that hash). */
const ASAR_INTEGRITY_PLATFORMS = ['darwin', 'mas', 'win32'];

/** The fuses for `platform` (Electron's platform name: linux, darwin, mas, win32). */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // No ELECTRON_RUN_AS_NODE: the app binary cannot be used as a general-purpose Node.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other Chromium storage encrypted with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // Neither NODE_OPTIONS nor --inspect can inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ASAR_INTEGRITY_PLATFORMS.includes(platform),
    // file:// pages get no privileges beyond the web's: the UI is served from app:// (src-main/electron/appProtocol.ts).
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // The app runs only from app.asar, never from a loose app/ folder someone dropped beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Flipping bits invalidates the ad-hoc signature of arm64 macOS builds: re-sign ad hoc (the real signing follows).
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  };
}

/** The hook electron-builder calls; `addElectronFuses` finds the binary (.app, .exe or the Linux executable). */
export async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}
