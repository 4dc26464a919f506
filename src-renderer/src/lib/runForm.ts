/**
 * The editable fields of the new-run form and how they map onto a run configuration. Pure (no Vue): the form
 * composable keeps text values, this module turns them into a candidate configuration and schema issues into
 * per-field messages.
 */
import type { z } from 'zod';
import type { Preset } from '../../../src-shared/config/presets';
import type { RunConfig, SweepSpec } from '../../../src-shared/config/schema';
import { getPath, setPath } from '../../../src-shared/config/sweep';

/** One input of the form. */
export interface FieldSpec {
  /** key: stable name of the input (data-testid `field-<key>`). */
  key: string;
  /** path: dotted path of the value inside the run configuration. */
  path: string;
  label: string;
  hint: string;
}

const field = (key: string, path: string, label: string, hint: string): FieldSpec => ({ key, path, label, hint });

export const FIELDS = {
  m: field('m', 'network.m', 'Neurons m', 'free neurons; the bias neuron is extra'),
  eta: field('eta', 'network.eta', 'Width η', 'width of the smoothed step σ_η'),
  h: field('h', 'sgd.h', 'Outer stepsize h', 'stepsize of the weights a'),
  epsilon: field('epsilon', 'sgd.epsilon', 'Timescale ratio ε', 'positions u move with stepsize h·ε'),
  noise: field('noise', 'sgd.noise', 'Label noise', 'labels get ξ ~ U[−noise, noise]'),
  seed: field('seed', 'seed', 'Seed', 'the same seed replays the run exactly'),
  tauMax: field('tauMax', 'duration.tauMax', 'Slow time τ_max', 'steps = ⌊τ_max / (h·ε)⌋'),
  steps: field('steps', 'duration.steps', 'Steps', 'number of SGD samples'),
  odeSteps: field('odeSteps', 'ode.steps', 'Integrator steps', 'steps over [0, τ_max]'),
  epochs: field('epochs', 'fullBatch.epochs', 'Epochs', 'full-batch gradient steps'),
  lrA: field('lrA', 'fullBatch.lrA', 'Learning rate of a', 'outer layer'),
  lrU: field('lrU', 'fullBatch.lrU', 'Learning rate of u', 'inner layer (two-timescale: 100× smaller)'),
} satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELDS;
export type DurationKind = RunConfig['duration']['kind'];

/** The inputs shown for a trainer: the key fields of PAPER.md's experiments. */
export function fieldsFor(trainer: RunConfig['trainer'], duration: DurationKind): FieldSpec[] {
  const f = FIELDS;
  if (trainer === 'sgd') return [f.m, f.eta, f.h, f.epsilon, f.noise, f.seed, duration === 'tau' ? f.tauMax : f.steps];
  if (trainer === 'full-batch') return [f.m, f.eta, f.lrA, f.lrU, f.epochs, f.seed];
  if (trainer === 'gradient-flow') return [f.m, f.eta, f.epsilon, f.seed, f.tauMax, f.odeSteps];
  return [f.m, f.eta, f.seed, f.tauMax, f.odeSteps];
}

/** The configuration a preset starts from (a sweep's base). */
export function presetBase(preset: Preset): RunConfig {
  return preset.kind === 'run' ? preset.config : preset.sweep.base;
}

/** Paths a sweep sets on every run (grid axes, variants, seeds): the form shows them but cannot edit them. */
export function sweptPaths(sweep: SweepSpec): Map<string, string> {
  const swept = new Map<string, string>();
  for (const axis of sweep.axes) swept.set(axis.path, axis.values.join(', '));
  for (const variant of sweep.variants) {
    for (const [path, value] of Object.entries(variant.set)) swept.set(path, [swept.get(path), `${variant.label}: ${value}`].filter(Boolean).join(', '));
  }
  const seeds = sweep.seeds;
  swept.set('seed', seeds.length > 3 ? `${seeds.length} seeds (${seeds[0]} … ${seeds[seeds.length - 1]})` : seeds.join(', '));
  return swept;
}

/** Exact text of a number: scientific notation for small and large magnitudes (2e-5 rather than 0.00002). */
export function formatExact(value: unknown): string {
  if (typeof value !== 'number') return '';
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7) ? value.toExponential() : String(value);
}

/** The number typed in a field; empty or unreadable text gives NaN, which the schema reports as "must be a number". */
export function parseField(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Text values of every field, read from a configuration. */
export function fieldTexts(config: RunConfig): Record<FieldKey, string> {
  const texts = {} as Record<FieldKey, string>;
  for (const [key, spec] of Object.entries(FIELDS) as Array<[FieldKey, FieldSpec]>) texts[key] = formatExact(getPath(config, spec.path));
  if (config.duration.kind === 'tau') texts.steps = formatExact(Math.floor(config.duration.tauMax / (config.sgd.h * config.sgd.epsilon)));
  return texts;
}

/** The base configuration with the shown fields set from their text (fields the sweep sets are left alone). */
export function applyFields(base: RunConfig, fields: FieldSpec[], texts: Record<string, string>, locked: ReadonlySet<string>): unknown {
  let config: unknown = base;
  for (const spec of fields) {
    if (locked.has(spec.path)) continue;
    const value = parseField(texts[spec.key] ?? '');
    config = spec.path.startsWith('duration.')
      ? setPath(config as object, 'duration', { kind: spec.key === 'steps' ? 'steps' : 'tau', [spec.key === 'steps' ? 'steps' : 'tauMax']: value })
      : setPath(config as object, spec.path, value);
  }
  return config;
}

/** Messages per field key; issues that name no shown field are returned apart, naming their path. */
export function issuesByField(issues: z.ZodError['issues'], fields: FieldSpec[], prefix: string[] = []): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const raw = issue.path.map(String);
    const path = (prefix.every((key, i) => raw[i] === key) ? raw.slice(prefix.length) : raw).join('.');
    const owner = fields.find((f) => path === f.path || path.startsWith(`${f.path}.`) || (path !== '' && f.path.startsWith(`${path}.`)));
    if (owner) byField[owner.key] ??= issue.message;
    else other.push(path ? `${path}: ${issue.message}` : issue.message);
  }
  return { byField, other };
}
