/**
 * The comparison of 2 to 50 runs: their records and checkpoints, the legend labels naming what differs, loss curves
 * (runs differing only by seed pooled into a median with a 10-90% band when asked), the configuration fields that
 * differ, and per-run small multiples.
 */
import { computed, ref, shallowRef } from 'vue';
import type { CheckpointSeries, RunDetail } from '#shared/api/contract';
import { differenceLabels, differingFields, runLabels } from '#shared/analysis/configFields';
import { checkpointsPerReply } from '#shared/config/limits';
import { quantileBand, seedGroups } from '#shared/analysis/groups';
import { compareLossOption, type CompareCurve } from '#shared/charts/historyCompare';
import { clockValues, type Clock } from '#shared/charts/historyTime';
import type { RunConfig } from '#shared/config/schema';
import { lossFloor } from '#shared/math/target';
import { useAction } from './useAction';
import { useLab } from './useLab';

/** The comparison draws at most this many runs. */
export const MAX_COMPARED = 50;
/**
 * Checkpoints read per run, evenly spaced with the first and the last: about one per few pixels of a chart, and
 * what keeps 20 runs of 2,000 checkpoints from moving every neuron of every checkpoint.
 */
export const COMPARED_CHECKPOINTS = 300;

/** One compared run with its checkpoints. */
export interface ComparedRun {
  detail: RunDetail;
  series: CheckpointSeries;
  /** label: what sets it apart from the others, e.g. "sgd.epsilon=0.1, seed=3". */
  label: string;
  /** curve: index of the curve (and colour) it is drawn in. */
  curve: number;
}

const withoutSeed = (config: RunConfig): RunConfig => ({ ...config, seed: 0 });

export function useCompare(runIds: readonly string[]) {
  const { api } = useLab();
  const loaded = shallowRef<Array<{ detail: RunDetail; series: CheckpointSeries }>>([]);
  const received = ref(0);
  const clock = ref<Clock>('tau');
  const logX = ref(false);
  /** pooled: runs that differ only by seed are drawn as one median curve with a band. */
  const pooled = ref(true);

  const {
    busy: loading,
    error,
    run: load,
  } = useAction(async () => {
    received.value = 0;
    const ids = runIds.slice(0, MAX_COMPARED);
    const details = await api.getRunDetails({ runIds: ids });
    // Thinned to what the charts need, and never more than one reply can carry at the run's width (wide runs).
    const series = await Promise.all(
      details.map(async ({ id, config }) => {
        const answer = await api.getCheckpoints({
          runId: id,
          maxCheckpoints: Math.min(COMPARED_CHECKPOINTS, checkpointsPerReply(config)),
        });
        received.value++;
        return answer;
      }),
    );
    loaded.value = details.map((detail, i) => ({ detail, series: series[i] }));
  }, 'Could not load the runs');

  const configs = computed(() => loaded.value.map((run) => run.detail.config));
  /** groups: indices of the runs drawn as each curve. */
  const groups = computed(() => (pooled.value ? seedGroups(configs.value) : configs.value.map((_, i) => [i])));
  const runs = computed<ComparedRun[]>(() => {
    const labels = runLabels(
      configs.value,
      loaded.value.map((run) => run.detail.name),
    );
    const curveOf = new Map(groups.value.flatMap((members, curve) => members.map((i) => [i, curve] as const)));
    return loaded.value.map((run, i) => ({ ...run, label: labels[i], curve: curveOf.get(i)! }));
  });
  const differing = computed(() => differingFields(configs.value));

  const curves = computed<CompareCurve[]>(() => {
    const members = groups.value;
    // Pooled curves are named by what differs besides the seed.
    const labels = pooled.value
      ? differenceLabels(
          members.map((group) => withoutSeed(configs.value[group[0]])),
          members.map((group) => loaded.value[group[0]].detail.name),
        )
      : runs.value.map((run) => run.label);
    return members.map((group, k) => ({
      label: labels[k],
      seeds: group.length,
      band: quantileBand(
        group.map((i) => {
          const { series, detail } = loaded.value[i];
          return { time: clockValues(series, detail.config, clock.value), values: series.loss, count: series.count };
        }),
      ),
    }));
  });

  const floors = computed(() => {
    const smoothed = configs.value.filter(
      (config) => config.trainer !== 'full-batch' && config.network.activation === 'cubic',
    );
    return [...new Set(smoothed.map((config) => lossFloor(config.target, config.network.eta)))].sort((x, y) => x - y);
  });

  const lossOption = () =>
    loaded.value.length
      ? compareLossOption(curves.value, {
          clock: clock.value,
          logX: logX.value,
          floors: floors.value,
          interactive: true,
        })
      : null;

  return { loaded, loading, received, error, clock, logX, pooled, runs, curves, differing, lossOption, load };
}
