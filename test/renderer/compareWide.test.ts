// @vitest-environment happy-dom
/** The comparison asks each run for a thinned series no larger than one reply may carry at that run's width. */
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { LabApi, MethodParams, RunDetail } from '#shared/api/contract';
import { checkpointsPerReply } from '#shared/config/limits';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { COMPARED_CHECKPOINTS, useCompare } from '../../src-renderer/src/composables/useCompare';
import { paperConfig, syntheticSeries } from '../charts/series';
import { fakeLab } from './fakeLab';

const narrow = paperConfig();
const wide = paperConfig({ network: { m: 100_000 } });
const details = [
  {
    id: 'narrow',
    name: 'narrow',
    status: 'done',
    config: narrow,
    coverage: [],
    error: null,
    limitNote: null,
    provenance: null,
  },
  {
    id: 'wide',
    name: 'wide',
    status: 'done',
    config: wide,
    coverage: [],
    error: null,
    limitNote: null,
    provenance: null,
  },
] as unknown as RunDetail[];

describe('useCompare', () => {
  it("thins each run to the comparison's number of checkpoints, fewer for a run too wide for that in one reply", async () => {
    const getCheckpoints = vi.fn(async (params: MethodParams<'getCheckpoints'>) =>
      syntheticSeries({ m: params.runId === 'wide' ? 3 : 4, count: 5 }),
    );
    const { lab } = fakeLab({ getRunDetails: vi.fn(async () => details), getCheckpoints } as Partial<LabApi>);
    let compare!: ReturnType<typeof useCompare>;
    mount(defineComponent({ setup: () => ((compare = useCompare(['narrow', 'wide'])), () => h('div')) }), {
      global: { plugins: [labPlugin(lab)] },
    });
    await compare.load();
    const asked = Object.fromEntries(
      getCheckpoints.mock.calls.map(([params]) => [params.runId, params.maxCheckpoints]),
    );
    expect(asked.narrow).toBe(COMPARED_CHECKPOINTS);
    expect(asked.wide).toBe(checkpointsPerReply(wide));
    expect(asked.wide).toBeLessThan(COMPARED_CHECKPOINTS);
  });
});
