/**
 * The sweep builder beside the designer: grid axes over numeric fields of the designed run times a number of seeds,
 * checked with the shared sweep schema as the user types, with the number of runs and an estimated total time.
 */
import { computed, reactive, type Ref } from 'vue';
import type { RunConfig, SweepSpec } from '#shared/config/schema';
import { sweepSpecSchema, ValidationError } from '#shared/config/schema';
import { expandSweep, getPath, sweepSize } from '#shared/config/sweep';
import { estimateBatchSeconds, estimateSeconds } from '../lib/designerSpeed';
import { axisValues, seedList, sweepableFields, type AxisDraft } from '../lib/designerSweep';
import { formatExact, parseField } from '../lib/runForm';

/** Sweeps up to this many runs are expanded on every edit to check each run and time them; larger ones are estimated. */
const EXPAND_LIMIT = 2000;
/** Largest number of seeds per grid point. */
const MAX_SEEDS = 10_000;

/** Trainer processes running at once: the host's pool has one per core. */
const workers = () => (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2;

export function useDesignerSweep(config: Ref<RunConfig | null>, name: Ref<string>) {
  const draft = reactive({
    enabled: false,
    axes: [] as AxisDraft[],
    seedCount: '1',
    firstSeed: '0',
    /** Variants of a loaded sweep preset (e.g. standard against two-timescale), kept as they are. */
    variants: [] as SweepSpec['variants'],
  });

  const fields = computed(() => (config.value ? sweepableFields(config.value) : []));
  const axisChecks = computed(() => draft.axes.map(axisValues));

  const seedCheck = computed<{ seeds: number[] } | { error: string }>(() => {
    const count = parseField(draft.seedCount);
    const first = parseField(draft.firstSeed);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SEEDS)
      return { error: `the number of seeds must be a whole number from 1 to ${MAX_SEEDS}` };
    if (!Number.isInteger(first) || first < 0 || first + count - 1 >= 2 ** 32)
      return { error: 'seeds must be whole numbers from 0 to 4294967295' };
    return { seeds: seedList(first, count) };
  });

  /** The sweep to start, or the messages saying why not. */
  const check = computed<{ sweep: SweepSpec | null; errors: string[] }>(() => {
    const errors: string[] = [];
    if (!config.value) errors.push('fix the run settings above first');
    axisChecks.value.forEach(
      (result, i) => 'error' in result && errors.push(`axis ${i + 1} (${draft.axes[i].path}): ${result.error}`),
    );
    const paths = draft.axes.map((axis) => axis.path);
    if (new Set(paths).size !== paths.length) errors.push('two axes vary the same field');
    if ('error' in seedCheck.value) errors.push(seedCheck.value.error);
    if (errors.length > 0 || !config.value || 'error' in seedCheck.value) return { sweep: null, errors };
    const axes = draft.axes.map((axis, i) => ({
      path: axis.path,
      values: (axisChecks.value[i] as { values: number[] }).values,
    }));
    const parsed = sweepSpecSchema.safeParse({
      name: name.value.trim() || 'sweep',
      base: config.value,
      variants: draft.variants,
      axes,
      seeds: seedCheck.value.seeds,
    });
    if (!parsed.success)
      return { sweep: null, errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
    if (sweepSize(parsed.data) <= EXPAND_LIMIT) {
      try {
        expandSweep(parsed.data);
      } catch (error) {
        return { sweep: null, errors: [error instanceof ValidationError ? error.message : String(error)] };
      }
    }
    return { sweep: parsed.data, errors: [] };
  });

  /** Runs the sweep expands to (an axis not readable yet counts as one value). */
  const runCount = computed(() => {
    const seeds = 'seeds' in seedCheck.value ? seedCheck.value.seeds.length : 1;
    const points = axisChecks.value.reduce((n, result) => n * ('values' in result ? result.values.length : 1), 1);
    return Math.max(1, draft.variants.length) * points * seeds;
  });

  /** Estimated wall time of the whole sweep on the host's trainer processes. */
  const seconds = computed(() => {
    const sweep = check.value.sweep;
    if (!sweep) return null;
    const n = sweepSize(sweep);
    if (n <= EXPAND_LIMIT)
      return estimateBatchSeconds(
        expandSweep(sweep).map((run) => run.config),
        workers(),
      );
    return (n * estimateSeconds(sweep.base)) / workers();
  });

  /** Adds an axis over the first field not yet swept, starting from its current value. */
  function addAxis() {
    const used = new Set(draft.axes.map((axis) => axis.path));
    const spec = fields.value.find((field) => !used.has(field.path));
    if (!spec || !config.value) return;
    draft.axes.push({
      path: spec.path,
      mode: 'list',
      list: formatExact(getPath(config.value, spec.path)),
      from: '',
      to: '',
      count: '3',
    });
  }

  function removeAxis(i: number) {
    draft.axes.splice(i, 1);
  }

  /** Loads a sweep preset: its axes as lists, its seeds, its variants. */
  function load(sweep: SweepSpec | null) {
    draft.enabled = sweep !== null;
    draft.axes = (sweep?.axes ?? []).map((axis) => ({
      path: axis.path,
      mode: 'list',
      list: axis.values.map(formatExact).join(', '),
      from: '',
      to: '',
      count: String(axis.values.length),
    }));
    draft.variants = sweep?.variants ?? [];
    draft.seedCount = String(sweep?.seeds.length ?? 1);
    draft.firstSeed = String(sweep?.seeds[0] ?? config.value?.seed ?? 0);
  }

  return { draft, fields, axisChecks, check, runCount, seconds, addAxis, removeAxis, load };
}

export type DesignerSweep = ReturnType<typeof useDesignerSweep>;
