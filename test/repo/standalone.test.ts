/**
 * The repository stands alone: no file names a path of one machine, and every comment that cites a section of the
 * written-down model points to a heading that exists there. Files are those git would hand over (tracked, plus new
 * files not ignored), so a path caught here is caught before it is committed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkoutProblem, readText, repositoryFiles, root } from './checkout';
import { machinePathsIn } from './machinePaths';
import { numberedSections, sectionCitationsIn } from './modelCitations';

const MODEL = 'docs/MODEL.md';
/** Written in pieces so that this file holds none of the paths it tests. */
const slash = '/';
const model = ['docs', 'MODEL'].join(slash) + '.md';

describe('machine paths', () => {
  it('are found with their line, whatever the operating system', () => {
    const text = [
      'const cases = "' + slash + 'work' + slash + 'lab/data/cases.json";',
      'see ..' + slash + 'shared/README.md',
      'cd ' + slash + 'root' + slash + 'project',
      'HOME=' + slash + 'home' + slash + 'bob/lab',
      'open ' + slash + 'Users' + slash + 'carol/lab',
      "'C:" + '\\\\' + 'Users' + '\\\\' + 'dave' + '\\\\' + "lab'",
      'log in ' + slash + 'tmp' + slash + 'bash_jobs.0/1/stdout',
    ].join('\n');
    expect(machinePathsIn(text).map((found) => found.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('leave alone system locations, relative segments, URLs and the example user of the per-OS tests', () => {
    const text = [
      "executablePath: '" + slash + 'usr' + slash + "bin/chromium'",
      "'file:" + slash + slash + slash + "opt/lab/out/renderer/index.html'",
      'the framework' + slash + 'work' + slash + 'queue and notes' + slash + 'home' + slash + 'page',
      'https:' + slash + slash + 'example.org' + slash + 'work' + slash + 'x',
      slash + 'home' + slash + 'ada/.config and ' + slash + 'Users' + slash + 'Ada Lovelace/lab',
      '.gitignore: ' + slash + 'tmp' + slash,
    ].join('\n');
    expect(machinePathsIn(text)).toEqual([]);
  });
});

describe('section citations', () => {
  it('are read across a comment line break and in lists', () => {
    const text = [
      `/** see ${model} section 3 */`,
      `// the integrals of ${model}`,
      '// section 4,',
      ` * (${model} sections 1 and 6)`,
    ].join('\n');
    expect(sectionCitationsIn(text).map(({ line, sections }) => ({ line, sections }))).toEqual([
      { line: 1, sections: [3] },
      { line: 2, sections: [4] },
      { line: 4, sections: [1, 6] },
    ]);
  });

  it('the model numbers its sections 1, 2, 3, ... in order, the numbers the code cites', () => {
    const sections = numberedSections(readFileSync(join(root, MODEL), 'utf8'));
    expect(sections.length).toBeGreaterThanOrEqual(7);
    expect(sections).toEqual(sections.map((_, index) => index + 1));
  });
});

const problem = checkoutProblem();
if (problem) console.log(`Skipping the scan of the repository's files: ${problem}`);

describe.skipIf(problem !== null)('the repository', () => {
  const files = problem === null ? repositoryFiles() : [];
  const texts = files.flatMap((file) => {
    const text = readText(file);
    return text === null ? [] : [{ file, text }];
  });

  it('is read as text, file by file', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.some(({ file }) => file === 'test/fixtures.ts')).toBe(true);
  });

  it('names no absolute path of a machine', () => {
    const found = texts.flatMap(({ file, text }) =>
      machinePathsIn(text).map(({ line, kind, path }) => `${file}:${line}: ${kind} (${path})`),
    );
    expect(found, `paths of one machine:\n${found.join('\n')}`).toEqual([]);
  });

  it('cites only sections that the model has', () => {
    expect(existsSync(join(root, MODEL)), `${MODEL} is missing`).toBe(true);
    const headings = new Set(numberedSections(readFileSync(join(root, MODEL), 'utf8')));
    const wrong = texts.flatMap(({ file, text }) =>
      sectionCitationsIn(text)
        .filter(({ sections }) => sections.some((section) => !headings.has(section)))
        .map(
          ({ line, text: citation }) =>
            `${file}:${line}: "${citation}" (the model has sections ${[...headings].join(', ')})`,
        ),
    );
    expect(wrong, `citations of missing sections:\n${wrong.join('\n')}`).toEqual([]);
  });
});
