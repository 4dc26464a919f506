/**
 * The standalone check: the committed HEAD of this checkout, cloned into an empty folder with nothing beside it, passes
 * the reference tests. The clone borrows this checkout's node_modules through a symlink (installing would take minutes
 * and needs the registry); everything else it reads must come from the commit. TTLAB_REFERENCE_CASES is unset, so the
 * tests read the cases the repository holds. Uncommitted changes are not in the clone: this checks what others get.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkoutProblem, git, root } from './checkout';

/** The part of vitest's JSON report read here: totals, and one entry per test file. */
interface VitestReport {
  numTotalTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; status: string }>;
}

/** An import of the loader: this test names it too, but never imports it (it would otherwise run itself, recursively). */
const READS_REFERENCE_CASES = /import\s*\{[^}]*\bloadReferenceCases\b[^}]*\}\s*from/;

/** The reference tests are the ones that read the reference cases; found in the clone, so the commit decides. */
function referenceTests(clone: string): string[] {
  return readdirSync(join(clone, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => READS_REFERENCE_CASES.test(readFileSync(join(clone, 'test', file), 'utf8')))
    .map((file) => join('test', file).split('\\').join('/'))
    .sort();
}

/** The environment of a shell that never ran vitest and never chose another reference file. */
function freshEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of Object.keys(environment)) {
    if (name.startsWith('VITEST') || name === 'TTLAB_REFERENCE_CASES' || name === 'NODE_ENV') delete environment[name];
  }
  return environment;
}

const problem = checkoutProblem();
const head = problem === null ? git(['rev-parse', '--verify', '--quiet', 'HEAD']) : null;
const reason = problem ?? (head?.status === 0 ? null : 'the checkout has no commit yet');
if (reason) console.log(`Skipping the fresh-clone check: ${reason}`);

describe.skipIf(reason !== null)('a fresh clone of the committed HEAD', () => {
  let folder: string | undefined;
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('passes the reference tests on its own', () => {
    folder = mkdtempSync(join(tmpdir(), 'ttlab-clone-'));
    const clone = join(folder, 'repository');
    const commit = head?.stdout.trim() ?? '';
    // --no-checkout then checkout of the commit: the clone holds HEAD even when this checkout's HEAD is detached.
    const cloned = git(['clone', '--quiet', '--no-checkout', root, clone], folder);
    expect(cloned?.status, cloned?.stderr).toBe(0);
    const checkedOut = git(['checkout', '--quiet', '--detach', commit], clone);
    expect(checkedOut?.status, checkedOut?.stderr).toBe(0);
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');

    const files = referenceTests(clone);
    expect(files.length, 'the commit has no test that reads the reference cases').toBeGreaterThan(0);
    const report = join(folder, 'report.json');
    const vitest = join(clone, 'node_modules', 'vitest', 'vitest.mjs');
    const run = spawnSync(process.execPath, [vitest, 'run', ...files, '--reporter=json', `--outputFile=${report}`], {
      cwd: clone,
      env: freshEnvironment(),
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`.slice(-4000);
    expect(run.status, output).toBe(0);
    const results = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    expect(results.numFailedTests, output).toBe(0);
    expect(results.numTotalTests).toBeGreaterThan(files.length);
    const passed = results.testResults
      .filter((file) => file.status === 'passed')
      .map((file) => relative(clone, file.name).split('\\').join('/'));
    expect(passed.sort()).toEqual(files);
  }, 180_000);
});
