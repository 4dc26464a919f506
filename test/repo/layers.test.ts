/**
 * The layers inside src-shared (docs/ARCHITECTURE.md) as the lint rules hold them: an import down the order passes, an
 * import up it or across its level is refused. Linted as text under a path of each layer, so no file is written.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { root } from './checkout';

const eslint = new ESLint({ cwd: root });

/** The import-layering messages for `specifier` imported by a module at `file`. */
async function refusals(file: string, specifier: string): Promise<string[]> {
  const text = `import type * as other from '${specifier}';\nexport type Other = typeof other;\n`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layers inside src-shared', () => {
  it.each([
    ['src-shared/math/probe.ts', '../api/contract'],
    ['src-shared/run/probe.ts', '../api/contract'],
    ['src-shared/analysis/probe.ts', '../charts/sweep'],
    ['src-shared/analysis/probe.ts', '../api/contract'],
    ['src-shared/trainers/sgd/probe.ts', '../../run/series'],
    ['src-shared/config/probe.ts', '../math/target'],
    ['src-shared/base/probe.ts', '../config/schema'],
    ['src-shared/math/probe.ts', '../rng'],
    ['src-shared/run/probe.ts', '../theory/initCheck'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([expect.stringContaining('imports only the layers below it')]);
  });

  it.each([
    ['src-shared/charts/probe.ts', '../analysis/stats'],
    ['src-shared/api/probe.ts', '../charts/figureSize'],
    ['src-shared/analysis/probe.ts', '../run/record'],
    ['src-shared/trainers/sgd/probe.ts', '../../math/target'],
    ['src-shared/config/probe.ts', '../base/format'],
    ['src-shared/run/probe.ts', './series'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([]);
  });

  it('still keeps every layer from Node and from the other rooms', async () => {
    expect(await refusals('src-shared/api/probe.ts', 'node:fs')).toEqual([expect.stringContaining('free of Node')]);
    expect(await refusals('src-shared/base/probe.ts', '../../src-main/store/store')).toEqual([
      expect.stringContaining('imports only src-shared'),
    ]);
  });
});
