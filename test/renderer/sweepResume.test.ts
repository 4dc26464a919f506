// @vitest-environment happy-dom
/** Resuming a sweep from its dashboard: one request however often clicked, then what it did or why it failed. */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabApi, RunDetail } from '#shared/api/contract';
import { parseSweepSpec } from '#shared/config/schema';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import SweepView from '../../src-renderer/src/views/SweepView.vue';
import { paperConfig } from '../charts/series';
import { fakeLab } from './fakeLab';
import { summary } from './historyRuns';

enableAutoUnmount(afterEach);

const spec = parseSweepSpec({
  name: 'resumable',
  base: { duration: { kind: 'steps', steps: 100 } },
  axes: [{ path: 'sgd.epsilon', values: [1e-3, 1e-2] }],
  seeds: [1],
});
const details = [0, 1].map(
  (i) =>
    ({
      ...summary(i, { status: i === 0 ? 'cancelled' : 'done', sweepId: 'sweep-1' }),
      config: paperConfig({ seed: i }),
      notes: '',
      coverage: [],
      limitNote: null,
      provenance: null,
    }) as RunDetail,
);

function mountSweep(resumeSweep: LabApi['resumeSweep']) {
  const fake = fakeLab({
    getSweep: vi.fn(async () => ({
      sweep: { id: 'sweep-1', name: 'resumable', createdAt: details[0].createdAt, spec, runCount: 2, doneCount: 1 },
      runs: details,
    })),
    getRunDetails: vi.fn(async () => details),
    resumeSweep: vi.fn(resumeSweep),
  } as Partial<LabApi>);
  const wrapper = mount(SweepView, {
    props: { sweepId: 'sweep-1' },
    global: { plugins: [labPlugin(fake.lab)], stubs: { ChartPanel: true, ExportReportButton: true } },
  });
  return { wrapper, api: fake.api };
}

describe('resuming a sweep', () => {
  it('asks once however often clicked, says what it resumed and reads the sweep again', async () => {
    let answer!: (value: Awaited<ReturnType<LabApi['resumeSweep']>>) => void;
    const { wrapper, api } = mountSweep(() => new Promise((resolve) => (answer = resolve)));
    await flushPromises();
    const button = wrapper.get('[data-testid="sweep-resume"]');
    expect(button.text()).toBe('Resume 1 stopped');
    await button.trigger('click');
    await button.trigger('click');
    expect(api.resumeSweep).toHaveBeenCalledTimes(1);
    answer({ sweepId: 'sweep-1', resumed: [{ runId: 'run-0', fromStep: 40, fromCheckpoint: 2 }], finished: 1 });
    await flushPromises();
    expect(wrapper.get('[data-testid="sweep-resume-note"]').text()).toBe(
      'Resumed 1 runs from their saved states; 1 finished runs kept as they are.',
    );
    expect(api.getSweep).toHaveBeenCalledTimes(2);
  });

  it('says why it could not resume', async () => {
    const { wrapper } = mountSweep(async () => Promise.reject(new Error('the lab is busy')));
    await flushPromises();
    await wrapper.get('[data-testid="sweep-resume"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="sweep-resume-note"]').text()).toBe('Could not resume the sweep: the lab is busy');
  });
});
