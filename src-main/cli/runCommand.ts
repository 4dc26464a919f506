/** `ttlab run`: one configuration in this process, or a sweep preset on all cores. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findPreset, presetNames } from '../../src-shared/config/presets';
import { parseRunConfig, ValidationError, type RunConfig } from '../../src-shared/config/schema';
import { applyOverrides, intFlag, parseFlags, readJsonFile } from './args';
import { openCliStore } from './database';
import { UsageError } from './errors';
import { runLocally } from './localRun';
import { ProgressBar } from './progress';
import { describeResult, type RunResult } from './result';
import { runSweep } from './sweepRun';

/** Checks up front that --out can be written, so a run never ends with nothing saved. */
function checkOutPath(out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const path = resolve(out);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--out: folder ${folder} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--out: ${path} is a folder`);
  return path;
}

function loadConfig(file: string): RunConfig {
  try {
    return parseRunConfig(readJsonFile(file, 'config'));
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`--config: ${file}: ${error.message}`);
    throw error;
  }
}

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    preset: { type: 'string' },
    config: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    name: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    'no-save': { type: 'boolean' },
  });
  if ((values.preset === undefined) === (values.config === undefined)) throw new UsageError('give exactly one of --preset NAME or --config FILE.json');
  if (values.db !== undefined && values['no-save']) throw new UsageError('--db and --no-save exclude each other');
  const seed = intFlag('seed', values.seed, 0, 2 ** 32 - 1);
  const out = checkOutPath(values.out);
  const sets = values.set ?? [];
  const preset = values.preset === undefined ? undefined : findPreset(values.preset);
  if (values.preset !== undefined && !preset) throw new UsageError(`--preset: unknown preset ${JSON.stringify(values.preset)}; known: ${presetNames.join(', ')}`);

  // Everything is validated before the database is opened, so a bad flag writes nothing.
  if (preset?.kind === 'sweep' && seed !== undefined) throw new UsageError('--seed: a sweep preset runs its own seeds; use --set to change its base instead');
  const sweep = preset?.kind === 'sweep' ? { ...preset.sweep, base: applyOverrides(preset.sweep.base, sets, undefined) } : null;
  const config = sweep ? null : applyOverrides(preset?.kind === 'run' ? preset.config : loadConfig(values.config as string), sets, seed);

  const store = openCliStore(values['no-save'] ? ':memory:' : values.db);
  try {
    let output: unknown;
    let ok: boolean;
    if (sweep) {
      const runs = await runSweep(sweep, store, !values.json);
      output = { runs };
      ok = runs.every((run) => run.status === 'done');
    } else {
      const runConfig = config as RunConfig;
      const name = values.name ?? `${preset?.name ?? runConfig.trainer} seed ${runConfig.seed}`;
      const bar = new ProgressBar(name, ' steps');
      const result: RunResult = await runLocally(runConfig, { name, store, onProgress: (step, total) => bar.update(step, total) });
      bar.done(describeResult(result));
      output = result;
      ok = result.status === 'done';
    }
    const text = `${JSON.stringify(output, null, 2)}\n`;
    if (out) writeFileSync(out, text);
    if (values.json) process.stdout.write(text);
    return ok ? 0 : 1;
  } finally {
    store.close();
  }
}
