/** A run configuration as flat dotted fields (`sgd.epsilon`), and what distinguishes several runs. */
import { formatExact, formatNumber } from '../base/format';
import type { RunConfig } from '../config/schema';

/** A field's value: numbers, strings and booleans as they are; arrays and empty objects as JSON text. */
export type FieldValue = number | string | boolean | null;

/** Every leaf of `config` under its dotted path, in the configuration's own order. */
export function flattenConfig(config: RunConfig | Record<string, unknown>): Map<string, FieldValue> {
  const fields = new Map<string, FieldValue>();
  const visit = (node: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) visit(child, path ? `${path}.${key}` : key);
    } else if (node === null || typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean') {
      fields.set(path, node);
    } else {
      fields.set(path, JSON.stringify(node));
    }
  };
  visit(config, '');
  return fields;
}

/** Union of the dotted paths of several flattened configurations, in first-seen order. */
export function fieldUnion(flat: readonly Map<string, FieldValue>[]): string[] {
  const paths = new Set<string>();
  for (const fields of flat) for (const path of fields.keys()) paths.add(path);
  return [...paths];
}

/** Paths whose values are not the same in all configurations (a path missing in one counts as differing). */
export function differingFields(configs: readonly RunConfig[]): string[] {
  const flat = configs.map((config) => flattenConfig(config));
  return fieldUnion(flat).filter((path) => flat.some((fields) => fields.get(path) !== flat[0].get(path)));
}

/** A field value as short text: numbers exact in the lab's notation (1e-5, never 0.00001), null as "—". */
export function fieldText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? formatExact(value) : String(value);
}

/** For each dotted path, its shortest ending that no other path of the list shares ("sgd.epsilon" -> "epsilon"). */
export function shortFieldNames(paths: readonly string[]): string[] {
  return paths.map((path) => {
    const keys = path.split('.');
    for (let n = 1; n < keys.length; n++) {
      const ending = keys.slice(-n).join('.');
      if (paths.every((other) => other === path || !`.${other}`.endsWith(`.${ending}`))) return ending;
    }
    return path;
  });
}

/** A value for a label: numbers with four significant digits (2e-5, 0.035), the rest as fieldText. */
const labelValue = (value: FieldValue | undefined) =>
  typeof value === 'number' ? formatNumber(value) : fieldText(value);

/**
 * The legend labels of compared runs: their names, with what sets a run apart added where two runs share a name (so
 * the legend still tells every curve apart).
 */
export function runLabels(configs: readonly RunConfig[], names: readonly string[]): string[] {
  const differences = differenceLabels(configs, names);
  return names.map((name, i) =>
    names.indexOf(name) !== names.lastIndexOf(name) && differences[i] !== name ? `${name} (${differences[i]})` : name,
  );
}

/** One label per run naming what differs, e.g. "epsilon=1, seed=3"; `fallback` (the run name) when nothing does. */
export function differenceLabels(configs: readonly RunConfig[], fallback: readonly string[]): string[] {
  const paths = differingFields(configs);
  const names = shortFieldNames(paths);
  const labels = configs.map((config, i) => {
    if (paths.length === 0) return fallback[i];
    const fields = flattenConfig(config);
    return paths.map((path, k) => `${names[k]}=${labelValue(fields.get(path))}`).join(', ');
  });
  // Labels must tell runs apart in a legend: add the name where two coincide.
  return labels.map((label, i) =>
    labels.indexOf(label) !== labels.lastIndexOf(label) && label !== fallback[i] ? `${label} (${fallback[i]})` : label,
  );
}
