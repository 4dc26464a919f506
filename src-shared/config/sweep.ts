/**
 * Expands a sweep specification into its runs: variants x grid axes x seeds, each validated as a run configuration.
 */
import { parseOrThrow, runConfigSchema, type RunConfig, type SweepSpec } from './schema';

export interface SweepRun {
  /** Human-readable label of the grid point, e.g. `two-timescale, sgd.epsilon=0.1, seed=3`. */
  label: string;
  /** The values this run was given for each varied path (variant label under `variant`). */
  params: Record<string, number | string | boolean>;
  config: RunConfig;
}

/** Returns a deep copy of `object` with the dotted `path` set to `value`. */
export function setPath<T extends object>(object: T, path: string, value: unknown): T {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null) throw new Error(`${path}: no such field`);
    node = child as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy as T;
}

/** Reads the dotted `path` of `object` (undefined when absent). */
export function getPath(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      object,
    );
}

/** Number of runs a sweep expands to, without building them. */
export function sweepSize(spec: Pick<SweepSpec, 'variants' | 'axes' | 'seeds'>): number {
  return (
    Math.max(1, spec.variants.length) * spec.axes.reduce((n, axis) => n * axis.values.length, 1) * spec.seeds.length
  );
}

export function expandSweep(spec: SweepSpec): SweepRun[] {
  return [...sweepRuns(spec)];
}

/** The base configuration with each variant applied, and that variant's params. */
function variantPoints(spec: SweepSpec): Array<{ params: SweepRun['params']; config: RunConfig }> {
  const variants = spec.variants.length > 0 ? spec.variants : [{ label: '', set: {} }];
  return variants.map((variant) => {
    let config = spec.base;
    for (const [path, value] of Object.entries(variant.set)) config = setPath(config, path, value);
    const params: SweepRun['params'] = variant.label ? { variant: variant.label } : {};
    return { params, config };
  });
}

/**
 * The sweep's runs one at a time, in the order of expandSweep (variants, then each axis, seeds innermost), so a caller
 * can validate and store a large sweep in chunks without holding every configuration at once.
 */
export function* sweepRuns(spec: SweepSpec): Generator<SweepRun> {
  const axisCount = spec.axes.length;
  for (const variant of variantPoints(spec)) {
    /** choice[k]: index of the value taken on axis k, counted like the digits of a number (the last axis fastest). */
    const choice = new Array<number>(axisCount).fill(0);
    for (;;) {
      let config = variant.config;
      const params: SweepRun['params'] = { ...variant.params };
      spec.axes.forEach((axis, k) => {
        params[axis.path] = axis.values[choice[k]];
        config = setPath(config, axis.path, axis.values[choice[k]]);
      });
      for (const seed of spec.seeds) {
        const runParams = { ...params, seed };
        const label = Object.entries(runParams)
          .map(([key, value]) => (key === 'variant' ? String(value) : `${key}=${value}`))
          .join(', ');
        yield { label, params: runParams, config: parseOrThrow(runConfigSchema, { ...config, seed }, label) };
      }
      let k = axisCount - 1;
      while (k >= 0 && ++choice[k] === spec.axes[k].values.length) choice[k--] = 0;
      if (k < 0) break;
    }
  }
}

/** JSON bytes of the largest configuration the sweep's variants give before its axes are applied. */
export function largestVariantBytes(spec: SweepSpec): number {
  return Math.max(...variantPoints(spec).map((point) => JSON.stringify(point.config).length));
}
