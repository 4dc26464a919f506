/** The sweep a command is about: a sweep preset, or a sweep file (a SweepSpec as JSON), with --set on its base. */
import { findPreset, presetNames } from '#shared/config/presets';
import { parseSweepSpec, ValidationError, type SweepSpec } from '#shared/config/schema';
import { applyOverrides, exactlyOne, readJsonFile } from './args';
import { UsageError } from '#shared/base/errors';

/** Whether a JSON document is a sweep (it has a base configuration) rather than one run's configuration. */
export function isSweepDocument(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'base' in json;
}

/** Validates a sweep read from `file` (--config); errors name the file and the field. */
export function sweepFromJson(json: unknown, file: string): SweepSpec {
  try {
    return parseSweepSpec(json);
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`--config: ${file}: ${error.message}`);
    throw error;
  }
}

/** The sweep of --preset or --config, with every --set applied to its base configuration. */
export function sweepFromFlags(flags: { preset?: string; config?: string; set?: string[] }): SweepSpec {
  exactlyOne(flags, { preset: 'NAME', config: 'SWEEP.json' });
  let spec: SweepSpec;
  if (flags.preset !== undefined) {
    const preset = findPreset(flags.preset);
    const sweeps = presetNames.filter((name) => findPreset(name)?.kind === 'sweep');
    if (!preset || preset.kind !== 'sweep')
      throw new UsageError(
        `--preset: ${JSON.stringify(flags.preset)} is not a sweep preset; sweep presets: ${sweeps.join(', ')}`,
      );
    spec = preset.sweep;
  } else {
    const file = flags.config as string;
    const json = readJsonFile(file, 'config');
    if (!isSweepDocument(json))
      throw new UsageError(
        `--config: ${file} is one run's configuration, not a sweep (a sweep has "base", "axes" and "seeds")`,
      );
    spec = sweepFromJson(json, file);
  }
  return { ...spec, base: applyOverrides(spec.base, flags.set ?? [], undefined) };
}
