/**
 * The numeric inputs of the experiment designer: where each lives in a run configuration, its label and its hint,
 * and how typed text becomes a number. Pure (no Vue).
 */
import { formatExact as formatNumberExactly } from '#shared/base/format';

/** One numeric input. */
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
  weightScale: field('weightScale', 'network.weights.scale', 'Weight scale', 'a_j ~ scale · U[0, 1]'),
  h: field('h', 'sgd.h', 'Outer stepsize h', 'stepsize of the weights a'),
  epsilon: field('epsilon', 'sgd.epsilon', 'Timescale ratio ε', 'positions u move with stepsize h·ε'),
  hInner: field('hInner', 'sgd.epsilon', 'Inner stepsize h·ε', 'stepsize of the positions u; ε = h_inner / h'),
  noise: field('noise', 'sgd.noise', 'Label noise', 'labels get ξ ~ U[−noise, noise]'),
  tauMax: field('tauMax', 'duration.tauMax', 'Slow time τ_max', 'how far the slow time τ = k·h·ε runs'),
  steps: field('steps', 'duration.steps', 'Steps', 'number of SGD samples'),
  checkpointCount: field('checkpointCount', 'checkpoints.count', 'Checkpoints', 'evaluations of the loss over the run'),
  checkpointEvery: field(
    'checkpointEvery',
    'checkpoints.every',
    'Every … steps',
    'one checkpoint each this many steps',
  ),
  checkpointCap: field('checkpointCap', 'checkpoints.cap', 'At most', 'upper bound on stored checkpoints'),
  odeSteps: field('odeSteps', 'ode.steps', 'Integrator steps', 'steps over [0, τ_max]'),
  rtol: field('rtol', 'ode.rtol', 'Relative tolerance', 'of the adaptive integrator'),
  atol: field('atol', 'ode.atol', 'Absolute tolerance', 'of the adaptive integrator'),
  d: field('d', 'fullBatch.d', 'Dimension d', 'inputs x in [0, 1]^d'),
  n: field('n', 'fullBatch.n', 'Sample size n', 'fixed training points'),
  lrA: field('lrA', 'fullBatch.lrA', 'Learning rate of a', 'outer layer'),
  lrU: field('lrU', 'fullBatch.lrU', 'Learning rate of u', 'inner layer (two-timescale: 100× smaller)'),
  epochs: field('epochs', 'fullBatch.epochs', 'Epochs', 'full-batch gradient steps'),
  seed: field('seed', 'seed', 'Seed', 'the same seed replays the run exactly'),
} satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELDS;

/** Exact text of a number: scientific notation for small and large magnitudes (2e-5 rather than 0.00002). */
export function formatExact(value: unknown): string {
  return typeof value === 'number' ? formatNumberExactly(value) : '';
}

/** The number typed in a field; empty or unreadable text gives NaN, which the schema reports as "must be a number". */
export function parseField(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** Numbers typed as a list, separated by commas, semicolons or spaces ("0.1, 0.2 0.3"). */
export function parseList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(parseField);
}
