/** `ttlab run`: one configuration in this process, or a sweep preset on all cores. */
import { z } from 'zod';
import { findPreset, presetNames } from '#shared/config/presets';
import { nameSchema } from '#shared/config/text';
import { parseRunConfig, ValidationError, type RunConfig } from '#shared/config/schema';
import type { RunResult } from '../store';
import { applyOverrides, exactlyOne, intFlag, parseFlags, readJsonFile } from './args';
import { describeDefaults } from './configDefaults';
import { openCliStore } from './database';
import { UsageError } from '#shared/base/errors';
import { jsonText } from './jsonOutput';
import { runLocally } from './localRun';
import { checkOutputFile, writeOutputFile } from './outputFile';
import { validateFlags } from './flagSchema';
import { ProgressBar } from './progress';
import { describeResult } from './result';
import { runSweep } from './sweepRun';
import { warnStepsizes, warnSweepStepsizes } from './stepsizeWarnings';
import { isSweepDocument, sweepFromJson } from './sweepSource';

/**
 * The configuration in `file`, already read as `raw`; says on stderr which sections it left to the defaults, before
 * anything runs.
 */
function loadConfig(file: string, raw: unknown): RunConfig {
  try {
    const config = parseRunConfig(raw);
    const defaults = describeDefaults(file, raw, config);
    if (defaults) process.stderr.write(`ttlab: ${defaults}\n`);
    return config;
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
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    db: { type: 'string' },
    'no-save': { type: 'boolean' },
  });
  exactlyOne(values, { preset: 'NAME', config: 'FILE.json' });
  if (values.db !== undefined && values['no-save']) throw new UsageError('--db and --no-save exclude each other');
  const seed = intFlag('seed', values.seed, 0, 2 ** 32 - 1);
  const { name: runName } = validateFlags(z.object({ name: nameSchema.optional() }), { name: values.name });
  const force = values.force ?? false;
  // Checked before the run, so a run never ends with its result unsaved, nor over a file the user meant to keep.
  const out = values.out === undefined ? undefined : checkOutputFile('out', values.out, force);
  const sets = values.set ?? [];
  const preset = values.preset === undefined ? undefined : findPreset(values.preset);
  if (values.preset !== undefined && !preset)
    throw new UsageError(`--preset: unknown preset ${JSON.stringify(values.preset)}; known: ${presetNames.join(', ')}`);

  // Everything is validated before the database is opened, so a bad flag writes nothing.
  // A sweep comes from a sweep preset, or from a --config file holding a sweep (one with a base configuration).
  const file = values.config === undefined ? undefined : readJsonFile(values.config, 'config');
  const sweepSpec =
    preset?.kind === 'sweep'
      ? preset.sweep
      : isSweepDocument(file)
        ? sweepFromJson(file, values.config as string)
        : null;
  if (sweepSpec && seed !== undefined)
    throw new UsageError('--seed: a sweep runs its own seeds; use --set to change its base instead');
  const sweep = sweepSpec ? { ...sweepSpec, base: applyOverrides(sweepSpec.base, sets, undefined) } : null;
  const config = sweep
    ? null
    : applyOverrides(preset?.kind === 'run' ? preset.config : loadConfig(values.config as string, file), sets, seed);
  if (sweep) warnSweepStepsizes(sweep);
  else warnStepsizes(config as RunConfig);

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
      const name = runName ?? `${preset?.name ?? runConfig.trainer} seed ${runConfig.seed}`;
      const bar = new ProgressBar(name, ' steps');
      const result: RunResult = await runLocally(runConfig, {
        name,
        store,
        onProgress: (step, total) => bar.update(step, total),
      });
      bar.done(describeResult(result));
      output = result;
      ok = result.status === 'done';
    }
    const text = jsonText(output);
    if (out) writeOutputFile('out', out, text, force);
    if (values.json) process.stdout.write(text);
    return ok ? 0 : 1;
  } finally {
    store.close();
  }
}
