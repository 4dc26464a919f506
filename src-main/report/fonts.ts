/**
 * The fonts every report is drawn with: DejaVu Sans regular and bold, shipped in resources/fonts, so a PNG looks the
 * same on every OS (resvg loads no system font). Without them resvg would silently drop all text, so a missing or
 * empty file is an error.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The family name inside the font files; charts ask for sans-serif, which resvg maps to it. */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_FILE_NAMES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

export class ReportFontError extends Error {
  override readonly name = 'ReportFontError';
}

/**
 * Folders that may hold the fonts: resources/fonts in the project, found two or three levels above this module (the
 * source src-main/report/*.ts, or a bundled chunk in out/main/chunks/*.js); in a packaged app first its unpacked copy
 * (electron-builder's asarUnpack), since the native renderer cannot read inside app.asar, then Electron's
 * process.resourcesPath/fonts.
 */
function candidateFolders(): string[] {
  const beside = ['../../resources/fonts', '../../../resources/fonts'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  const unpacked = beside
    .map((path) => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2'))
    .filter((path) => !beside.includes(path));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  return [...unpacked, ...(resourcesPath ? [join(resourcesPath, 'fonts')] : []), ...beside];
}

const nonEmptyFile = (path: string) => existsSync(path) && statSync(path).isFile() && statSync(path).size > 0;

let found: string[] | undefined;

/** Paths of the report fonts (regular first), or ReportFontError naming where they were looked for. */
export function reportFontFiles(): string[] {
  if (found) return found;
  const folders = candidateFolders();
  const folder = folders.find((candidate) => FONT_FILE_NAMES.every((name) => nonEmptyFile(join(candidate, name))));
  if (!folder)
    throw new ReportFontError(`report fonts ${FONT_FILE_NAMES.join(', ')} not found in ${folders.join(' or ')}`);
  found = FONT_FILE_NAMES.map((name) => join(folder, name));
  return found;
}
