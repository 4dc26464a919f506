/** What the experiments start from: the presets' configurations and sweeps, and the seeds they run. */
import { findPreset } from '#shared/config/presets';
import type { RunConfig, SweepSpec } from '#shared/config/schema';

/** The paper's number of repeats (the presets' sweeps run seeds 0..19). */
export const PAPER_REPEATS = 20;

/** Seeds 0, 1, ..., count - 1. */
export const firstSeeds = (count: number): number[] => Array.from({ length: count }, (_, seed) => seed);

/** The configuration of a run preset (a missing preset is a programming error). */
export function presetConfig(name: string): RunConfig {
  const preset = findPreset(name);
  if (preset?.kind !== 'run') throw new Error(`no run preset named ${name}`);
  return preset.config;
}

/** The specification of a sweep preset. */
export function presetSweep(name: string): SweepSpec {
  const preset = findPreset(name);
  if (preset?.kind !== 'sweep') throw new Error(`no sweep preset named ${name}`);
  return preset.sweep;
}
