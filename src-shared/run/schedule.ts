/**
 * The steps at which a run is evaluated (config.checkpoints): sorted, unique, always 0 and the last step, at most `cap`.
 * even: i * floor(total / (count - 1)) for i < count, as the authors (who evaluate every floor(steps/100) steps, 101
 * times), plus the last step; log: count log-spaced steps, always 0, 1 and the last; every: each `every` steps.
 */
import type { RunConfig } from '../config/schema';

export function checkpointSteps(config: Pick<RunConfig, 'checkpoints'>, totalSteps: number): Float64Array {
  const { kind, count, every, cap } = config.checkpoints;
  const total = Math.max(0, Math.floor(totalSteps));
  if (total === 0) return Float64Array.of(0);
  if (kind === 'every') {
    // i * every for i < ceil(total / every), then total: listed lazily, since `every` may be 1 with 10^9 steps
    const length = Math.ceil(total / every) + 1;
    return thinned(length, (i) => (i === length - 1 ? total : i * every), cap);
  }
  const steps = kind === 'even' ? evenSteps(total, count) : logSteps(total, count);
  return thinned(steps.length, (i) => steps[i], cap);
}

/** i * spacing for i < count while at most total, then total; a spacing of at least 1 (every step of a short run). */
function evenSteps(total: number, count: number): Float64Array {
  const spacing = Math.max(1, Math.floor(total / (count - 1)));
  const steps = new Set<number>();
  for (let i = 0; i < count && i * spacing <= total; i++) steps.add(i * spacing);
  steps.add(total);
  return Float64Array.from(steps);
}

/** 0, then count - 1 steps spaced evenly in log between 1 and total, rounded; duplicates from rounding dropped. */
function logSteps(total: number, count: number): Float64Array {
  const steps = new Set<number>([0, 1]);
  const last = count - 2;
  for (let i = 1; i < last; i++) steps.add(Math.round(Math.exp((Math.log(total) * i) / last)));
  steps.add(total);
  return Float64Array.from(steps).sort();
}

/** The `length` sorted steps at(0), at(1), ..., or `cap` of them taken evenly when there are more (first and last kept). */
function thinned(length: number, at: (i: number) => number, cap: number): Float64Array {
  if (length <= cap) return Float64Array.from({ length }, (_, i) => at(i));
  // index spacing (length - 1) / (cap - 1) > 1, so the rounded indices are distinct and increasing
  return Float64Array.from({ length: cap }, (_, i) => at(Math.round((i * (length - 1)) / (cap - 1))));
}
