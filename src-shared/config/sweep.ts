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
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object);
}

/** Number of runs a sweep expands to, without building them. */
export function sweepSize(spec: Pick<SweepSpec, 'variants' | 'axes' | 'seeds'>): number {
  return Math.max(1, spec.variants.length) * spec.axes.reduce((n, axis) => n * axis.values.length, 1) * spec.seeds.length;
}

export function expandSweep(spec: SweepSpec): SweepRun[] {
  const variants = spec.variants.length > 0 ? spec.variants : [{ label: '', set: {} }];
  let points: Array<{ params: SweepRun['params']; config: RunConfig }> = variants.map((variant) => {
    let config = spec.base;
    for (const [path, value] of Object.entries(variant.set)) config = setPath(config, path, value);
    const params: SweepRun['params'] = variant.label ? { variant: variant.label } : {};
    return { params, config };
  });
  for (const axis of spec.axes) {
    points = points.flatMap((point) =>
      axis.values.map((value) => ({ params: { ...point.params, [axis.path]: value }, config: setPath(point.config, axis.path, value) })),
    );
  }
  return points.flatMap((point) =>
    spec.seeds.map((seed) => {
      const params = { ...point.params, seed };
      const label = Object.entries(params)
        .map(([key, value]) => (key === 'variant' ? String(value) : `${key}=${value}`))
        .join(', ');
      return { label, params, config: parseOrThrow(runConfigSchema, { ...point.config, seed }, label) };
    }),
  );
}
