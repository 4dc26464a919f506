// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { CheckpointSeries, LabApi, RunDetail } from '#shared/api/contract';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { useRun } from '../../src-renderer/src/composables/useRun';
import { paperConfig, syntheticSeries } from '../charts/series';
import { fakeLab } from './fakeLab';

const config = paperConfig();
const detail = (status: RunDetail['status']): RunDetail =>
  ({
    id: 'run-1',
    name: 'run',
    status,
    config,
    coverage: [],
    error: status === 'failed' ? 'boom' : null,
    limitNote: null,
    steps: 0,
    totalSteps: 100,
  }) as unknown as RunDetail;

/** Checkpoints first..last-1 of a 40-checkpoint synthetic run, as an event would carry them. */
function slice(all: CheckpointSeries, first: number, last: number): CheckpointSeries {
  const n = last - first;
  const cut = (x: Float64Array, w = 1) => x.slice(first * w, last * w);
  return {
    ...all,
    count: n,
    step: cut(all.step),
    tau: cut(all.tau),
    loss: cut(all.loss),
    limitLoss: null,
    covered: cut(all.covered),
    a: cut(all.a, all.aLength),
    u: cut(all.u, all.uLength),
  };
}

function mountRun(api: Partial<LabApi>) {
  const fake = fakeLab(api);
  let run!: ReturnType<typeof useRun>;
  const Host = defineComponent({
    setup() {
      run = useRun('run-1');
      return () => h('div');
    },
  });
  const wrapper = mount(Host, { global: { plugins: [labPlugin(fake.lab)] } });
  return { ...fake, run: () => run, wrapper };
}

describe('useRun', () => {
  const all = syntheticSeries({ m: 4, count: 40 });

  it('applies checkpoint events that arrive during the first load, after it, without duplicates', async () => {
    let answer!: (series: CheckpointSeries) => void;
    const getCheckpoints = vi.fn(() => new Promise<CheckpointSeries>((resolve) => (answer = resolve)));
    const { run, emit } = mountRun({ getRun: vi.fn(async () => detail('running')), getCheckpoints } as Partial<LabApi>);
    const loading = run().load();
    emit('run:checkpoints', { runId: 'run-1', firstIndex: 8, series: slice(all, 8, 12) });
    emit('run:checkpoints', { runId: 'other', firstIndex: 0, series: slice(all, 0, 30) });
    answer(slice(all, 0, 10));
    await loading;
    expect(run().series.value?.count).toBe(12);
    emit('run:checkpoints', { runId: 'run-1', firstIndex: 12, series: slice(all, 12, 20) });
    const series = run().series.value!;
    expect(series.count).toBe(20);
    expect(Array.from(series.u)).toEqual(Array.from(all.u.subarray(0, 20 * 4)));
    expect(getCheckpoints).toHaveBeenCalledOnce();
  });

  it('reloads the stored series after a gap in the checkpoint indices', async () => {
    const getCheckpoints = vi.fn(async () => slice(all, 0, 5));
    const { run, emit } = mountRun({ getRun: vi.fn(async () => detail('running')), getCheckpoints } as Partial<LabApi>);
    await run().load();
    getCheckpoints.mockImplementation(async () => slice(all, 0, 30));
    emit('run:checkpoints', { runId: 'run-1', firstIndex: 20, series: slice(all, 20, 30) });
    await flushPromises();
    expect(getCheckpoints).toHaveBeenCalledTimes(2);
    expect(run().series.value?.count).toBe(30);
  });

  it('follows status events and fetches the final detail when the run ends', async () => {
    const getRun = vi.fn(async () => detail('running'));
    const { run, emit } = mountRun({ getRun, getCheckpoints: vi.fn(async () => slice(all, 0, 3)) } as Partial<LabApi>);
    await run().load();
    expect(run().status.value).toBe('running');
    emit('run:progress', {
      runId: 'run-1',
      status: 'running',
      step: 50,
      totalSteps: 100,
      tau: 0.01,
      loss: 0.1,
      stepsPerSecond: 1e6,
      etaSeconds: 3,
    });
    expect(run().progress.value?.step).toBe(50);
    getRun.mockImplementation(async () => detail('failed'));
    emit('run:status', { runId: 'run-1', status: 'failed', error: 'boom' });
    expect(run().status.value).toBe('failed');
    expect(run().statusError.value).toBe('boom');
    expect(run().finished.value).toBe(true);
    await flushPromises();
    expect(getRun).toHaveBeenCalledTimes(2);
  });

  it('computes live coverage at the latest checkpoint while running', async () => {
    const { run } = mountRun({
      getRun: vi.fn(async () => detail('running')),
      getCheckpoints: vi.fn(async () => slice(all, 0, 10)),
    } as Partial<LabApi>);
    await run().load();
    expect(run().liveCoverage.value.map((entry) => entry.position)).toEqual(config.target.positions);
  });
});
