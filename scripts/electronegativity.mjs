// Electron security scan (Doyensec's electronegativity) over the app's sources, offline: `node scripts/electronegativity.mjs`.
// Exits 1 on any finding not explained in electronegativity.allow.json ({ check, file, why }), and on any explanation
// that no longer matches a finding (the allowlist stays true).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

const projectRoot = join(import.meta.dirname, '..');
/** What is scanned: the main process, preload and renderer sources, and package.json (Electron version, flags). */
const SCANNED = ['src-main', 'src-renderer', 'package.json'];
/** Fetches Electron's release list from GitHub at every run; Electron is pinned and upgraded on purpose instead. */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const allowSchema = z.array(
  z.strictObject({
    check: z.string().regex(/^[A-Z_]+$/, 'a check id as electronegativity prints it, e.g. CSP_GLOBAL_CHECK'),
    file: z.string().min(1),
    why: z.string().min(20, 'say why the finding is acceptable'),
  }),
);

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

/**
 * Electronegativity downloads translations at start (a 1 s request, plus retries, then a warning line). Its own
 * module for that is replaced, before it loads, by the same i18n set-up on the bundled en-US strings.
 */
function loadOffline() {
  const i18nFile = join(packageDir, 'dist/locales/i18n.js');
  const i18n = createRequire(i18nFile)('i18n');
  const offline = new Module(i18nFile);
  offline.filename = i18nFile;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nFile),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nFile] = offline;
  return createRequire(i18nFile)('../runner.js');
}

/** A finding, with its file relative to the scanned root. */
function toFinding(issue) {
  return {
    check: issue.id,
    file: issue.file,
    line: issue.location.line,
    severity: issue.severity.name,
    description: issue.description,
  };
}

/** Scans `root`'s sources (copied to a temporary folder: the scanner walks every file, node_modules included). */
export async function scan(root = projectRoot) {
  const stage = mkdtempSync(join(tmpdir(), 'ttlab-electronegativity-'));
  try {
    for (const entry of SCANNED)
      cpSync(join(root, entry), join(stage, entry), {
        recursive: true,
        filter: (source) => !source.includes('node_modules'),
      });
    const run = loadOffline();
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    const result = await run(
      {
        input: stage,
        isRelative: true,
        customScan: [],
        excludeFromScan: NETWORK_CHECKS.map((check) => check.toLowerCase()),
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    if (result.errors.some((error) => !error.tolerable))
      throw new Error(
        `electronegativity could not parse: ${result.errors.map((error) => `${error.file}: ${error.message}`).join('; ')}`,
      );
    return result.issues.map(toFinding);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Reads and validates the allowlist file. */
export function readAllowlist(file = join(projectRoot, 'electronegativity.allow.json')) {
  return allowSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Splits findings into those the allowlist explains and the rest; also returns allowlist entries nothing matched. */
export function judge(findings, allowlist) {
  const explains = (entry, finding) => entry.check === finding.check && entry.file === finding.file;
  return {
    unexplained: findings.filter((finding) => !allowlist.some((entry) => explains(entry, finding))),
    stale: allowlist.filter((entry) => !findings.some((finding) => explains(entry, finding))),
  };
}

async function main() {
  const findings = await scan();
  const { unexplained, stale } = judge(findings, readAllowlist());
  console.log(
    `electronegativity: ${findings.length} finding(s), ${findings.length - unexplained.length} explained in electronegativity.allow.json (skipped, needs the network: ${NETWORK_CHECKS.join(', ')})`,
  );
  for (const entry of stale)
    console.log(`  stale allowlist entry, remove it: ${entry.check} in ${entry.file} matches no finding any more`);
  for (const finding of unexplained)
    console.log(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.line}: ${finding.description}`);
  // The scanner's own modules keep timers alive after it finishes.
  process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main().catch((error) => {
    console.error(`electronegativity could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
