/**
 * A sweep's dashboard: its runs' records (up to MAX_RUN_DETAILS a call), the factor on the x axis and the one splitting lines,
 * the two factors of the phase diagram, and, for a sweep over m with random inits, each run's initial positions.
 */
import { computed, ref, shallowRef } from 'vue';
import { MAX_RUN_DETAILS, type RunDetail, type SweepSummary } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import { convergenceCount, hasConvergenceRule } from '#shared/analysis/convergence';
import {
  finalLossBox,
  phaseStats,
  sweepChartInput,
  sweepsRandomInits,
  validInitShare,
  type InitialPositions,
} from '#shared/analysis/sweepDashboard';
import { sweepFactors, type SweepFactor } from '#shared/analysis/sweepGroups';
import { formatNumber } from '#shared/base/format';
import { medianLossHeatmapOption, validInitOption } from '#shared/charts/historyPhase';
import { LOG_FLOOR } from '#shared/charts/loss';
import { convergenceOption, phaseHeatmapOption, sweepBoxOption } from '#shared/charts/sweep';
import { useLab } from './useLab';

/** First checkpoints requested at once (each answer is one checkpoint's u, plus the last one's). */
const CHECKPOINT_CONCURRENCY = 16;
/** The choice "no factor" in the line and panel selects. */
export const NONE = '';
/** Progress is shown every this many runs: one update per run would redraw the screen 200 times. */
const PROGRESS_STEP = 25;

/** Resolves once the next frame has been painted (so charts show before more work starts). */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Maps `items` through `work` with at most `limit` calls in flight, results in order; `onProgress` now and then. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  onProgress: (done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
      if (++done % PROGRESS_STEP === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function useSweep(sweepId: string) {
  const { api } = useLab();
  const sweep = shallowRef<SweepSummary | null>(null);
  const runs = shallowRef<RunDetail[]>([]);
  const inits = shallowRef<InitialPositions[]>([]);
  const progress = ref<{ done: number; total: number } | null>(null);
  const initProgress = ref<{ done: number; total: number } | null>(null);
  const error = ref<string | null>(null);
  const xName = ref(NONE);
  const lineName = ref(NONE);
  const phaseX = ref(NONE);
  const phaseY = ref(NONE);

  const factors = computed<SweepFactor[]>(() => (sweep.value ? sweepFactors(sweep.value.spec) : []));
  const factor = (name: string) => factors.value.find((f) => f.name === name) ?? null;

  function chooseDefaults(all: SweepFactor[]) {
    const axes = all.filter((f) => f.name !== 'variant');
    xName.value = (axes[0] ?? all[0])?.name ?? NONE;
    lineName.value = all.find((f) => f.name === 'variant' && f.name !== xName.value)?.name ?? NONE;
    const [first, second] = axes.length >= 2 ? axes : all;
    phaseX.value = first?.name ?? NONE;
    phaseY.value = second?.name ?? NONE;
  }

  async function load() {
    try {
      const answer = await api.getSweep({ sweepId });
      sweep.value = answer.sweep;
      chooseDefaults(sweepFactors(answer.sweep.spec));
      const total = answer.runs.length;
      progress.value = { done: 0, total };
      const details: RunDetail[] = [];
      for (let first = 0; first < total; first += MAX_RUN_DETAILS) {
        details.push(
          ...(await api.getRunDetails({
            runIds: answer.runs.slice(first, first + MAX_RUN_DETAILS).map((run) => run.id),
          })),
        );
        progress.value = { done: details.length, total };
      }
      runs.value = details;
      progress.value = null;
      error.value = null;
      if (!sweepsRandomInits(answer.sweep.spec)) return;
      // The dashboard first, then the heavier checkpoint reads.
      await afterPaint();
      await loadInits();
    } catch (failure) {
      error.value = `Could not load the sweep: ${errorMessage(failure)}`;
    }
  }

  /** Reads each run's first checkpoint (its initial u; thinning to 2 keeps the first and the last); runs without one count as unknown. */
  async function loadInits() {
    const all = runs.value;
    initProgress.value = { done: 0, total: all.length };
    inits.value = await mapLimited(
      all,
      CHECKPOINT_CONCURRENCY,
      async (run) => {
        const series = await api.getCheckpoints({ runId: run.id, maxCheckpoints: 2, fields: ['u'] }).catch(() => null);
        return { run, u: series && series.count > 0 ? series.u.slice(0, series.uLength) : null };
      },
      (done) => (initProgress.value = { done, total: all.length }),
    );
    initProgress.value = null;
  }

  /** Whether the convergence rule applies to every run (1-D smoothed steps with jumps). */
  const ruled = computed(() => runs.value.length > 0 && runs.value.every(hasConvergenceRule));
  const x = computed(() => factor(xName.value));
  const lines = computed(() =>
    lineName.value && lineName.value !== xName.value ? [factor(lineName.value)!].filter(Boolean) : [],
  );
  const pooledNames = computed(() => [
    'seed',
    ...factors.value.filter((f) => f !== x.value && !lines.value.includes(f)).map((f) => f.name),
  ]);
  const note = computed(() => `pooled over ${pooledNames.value.join(', ')}`);

  function lineInput<T>(value: (group: RunDetail[]) => T | null, extra = '') {
    const input = sweepChartInput(sweep.value!.spec, runs.value, x.value!, lines.value, value);
    return { ...input, subtitle: `${input.subtitle}; ${note.value}${extra}` };
  }

  const boxOption = () => {
    if (!sweep.value || !x.value || !runs.value.length) return null;
    const raised = finalLossBox(runs.value, LOG_FLOOR).raised;
    return sweepBoxOption(
      lineInput(
        (group) => finalLossBox(group, LOG_FLOOR),
        raised ? `; losses below ${formatNumber(LOG_FLOOR)} drawn at it` : '',
      ),
    );
  };
  const convergenceChart = () =>
    sweep.value && x.value && ruled.value ? convergenceOption(lineInput(convergenceCount)) : null;

  const phase = computed(() => {
    const px = factor(phaseX.value);
    const py = factor(phaseY.value);
    if (!sweep.value || !px || !py || px === py || !runs.value.length) return null;
    const base = { xName: px.name, yName: py.name, xLevels: px.levels, yLevels: py.levels };
    return { base, cells: phaseStats(sweep.value.spec, runs.value, px, py) };
  });
  const phaseConvergence = () =>
    phase.value && ruled.value
      ? phaseHeatmapOption({ ...phase.value.base, title: 'Phase diagram: P(converged)', cells: phase.value.cells })
      : null;
  const phaseLoss = () =>
    phase.value ? medianLossHeatmapOption({ ...phase.value.base, cells: phase.value.cells }) : null;

  const hasInits = computed(() => sweep.value !== null && sweepsRandomInits(sweep.value.spec));
  const initOption = () => {
    const m = factor('network.m');
    return sweep.value && m && inits.value.length
      ? validInitOption(validInitShare(sweep.value.spec, inits.value, m))
      : null;
  };

  return {
    sweep,
    runs,
    factors,
    progress,
    initProgress,
    error,
    xName,
    lineName,
    phaseX,
    phaseY,
    ruled,
    hasInits,
    boxOption,
    convergenceChart,
    phaseConvergence,
    phaseLoss,
    initOption,
    load,
  };
}
