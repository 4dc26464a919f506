// @vitest-environment happy-dom
/** The run view: it asks for a thinned series, shows it, and reads the rest in bounded pages. */
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { CheckpointSeries, LabApi, MethodParams, RunDetail } from '#shared/api/contract';
import { checkpointPageSize } from '#shared/config/limits';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { useRun } from '../../src-renderer/src/composables/useRun';
import { paperConfig, syntheticSeries } from '../charts/series';
import { fakeLab } from './fakeLab';

const m = 4;
const all = syntheticSeries({ m, count: 3000 });
const detail = {
  id: 'run-1',
  name: 'run',
  status: 'done',
  config: paperConfig(),
  coverage: [],
  error: null,
  limitNote: null,
} as unknown as RunDetail;

function rows(first: number, last: number, indices?: Float64Array): CheckpointSeries {
  const pick = (column: Float64Array, width = 1) => {
    const positions = indices ?? Float64Array.from({ length: last - first }, (_, k) => first + k);
    const out = new Float64Array(positions.length * width);
    positions.forEach((position, k) => out.set(column.subarray(position * width, (position + 1) * width), k * width));
    return out;
  };
  const count = indices ? indices.length : last - first;
  return {
    ...all,
    count,
    total: all.count,
    indices,
    step: pick(all.step),
    tau: pick(all.tau),
    loss: pick(all.loss),
    covered: pick(all.covered),
    limitLoss: null,
    a: pick(all.a, all.aLength),
    u: pick(all.u, all.uLength),
  };
}

/** The store's answers: thinned evenly, or a page. */
function answer(params: MethodParams<'getCheckpoints'>): CheckpointSeries {
  if (params.maxCheckpoints !== undefined) {
    const max = params.maxCheckpoints;
    return rows(
      0,
      0,
      Float64Array.from({ length: max }, (_, k) => Math.round((k * (all.count - 1)) / (max - 1))),
    );
  }
  const from = params.from ?? 0;
  return rows(Math.min(from, all.count), Math.min(all.count, from + (params.limit ?? all.count)));
}

describe('useRun on a run larger than its preview', () => {
  it('shows a thinned series, then the whole run read in pages', async () => {
    const getCheckpoints = vi.fn(async (params: MethodParams<'getCheckpoints'>) => answer(params));
    const { lab } = fakeLab({ getRun: vi.fn(async () => detail), getCheckpoints } as Partial<LabApi>);
    let run!: ReturnType<typeof useRun>;
    mount(defineComponent({ setup: () => ((run = useRun('run-1')), () => h('div')) }), {
      global: { plugins: [labPlugin(lab)] },
    });
    await run.load();
    expect(getCheckpoints.mock.calls[0][0]).toEqual({ runId: 'run-1', maxCheckpoints: 2000 });
    const limit = checkpointPageSize(m + 1, m);
    expect(getCheckpoints.mock.calls.slice(1).map(([params]) => params)).toEqual([{ runId: 'run-1', from: 0, limit }]);
    const series = run.series.value!;
    expect(series.count).toBe(3000);
    expect(Array.from(series.u)).toEqual(Array.from(all.u));
  });
});
