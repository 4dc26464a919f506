// @vitest-environment happy-dom
/** The "Reproduce the paper" screen on a fake lab: idle, starting, each experiment's progress, the table, the report. */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reproduction, ReproductionExperiment } from '#shared/api/reproduction';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import ReproduceView from '../../src-renderer/src/views/ReproduceView.vue';
import { fakeLab } from './fakeLab';

afterEach(() => vi.restoreAllMocks());

const experiment = (name: string, patch: Partial<ReproductionExperiment> = {}): ReproductionExperiment => ({
  name,
  summary: `${name}: what the paper shows`,
  status: 'queued',
  runs: 20,
  finishedRuns: 0,
  sweepId: null,
  pass: null,
  wallMs: null,
  ...patch,
});

const state = (patch: Partial<Reproduction> = {}): Reproduction => ({
  id: '2026-01-01T10:00:00.000Z',
  tier: 'quick',
  status: 'running',
  experiments: [experiment('two-timescale', { status: 'running' }), experiment('same-stepsizes')],
  checks: [],
  error: null,
  report: null,
  ...patch,
});

const pass = {
  experiment: 'two-timescale',
  claim: 'every run finishes',
  expected: '20/20 done',
  measured: '20/20 done',
  pass: true,
};
const fail = {
  experiment: 'same-stepsizes',
  claim: 'most seeds leave a jump uncovered',
  expected: '>= 80% of 20 runs',
  measured: '12/20 (60%)',
  pass: false,
};

function mountView(reproducePaper = vi.fn(async () => state())) {
  const fake = fakeLab({ reproducePaper } as never);
  const wrapper = mount(ReproduceView, { global: { plugins: [labPlugin(fake.lab)] } });
  const statuses = () => wrapper.findAll('[data-testid="reproduce-experiment-status"]').map((cell) => cell.text());
  return { ...fake, wrapper, reproducePaper, statuses };
}

describe('ReproduceView', () => {
  it('explains itself and waits for a click', () => {
    const { wrapper, reproducePaper } = mountView();
    expect(wrapper.text()).toContain('quick tier');
    expect(wrapper.text()).toContain('reproduce/<experiment>/quick');
    expect(wrapper.find('[data-testid="reproduce-start"]').text()).toBe('Run the quick tier');
    expect(wrapper.find('[data-testid="reproduce-experiments"]').exists()).toBe(false);
    expect(reproducePaper).not.toHaveBeenCalled();
  });

  it('starts the quick tier once, then follows each experiment from queued to done', async () => {
    let answer!: (value: Reproduction) => void;
    const { wrapper, reproducePaper, emit, statuses } = mountView(
      vi.fn(() => new Promise<Reproduction>((resolve) => (answer = resolve))),
    );
    const start = wrapper.find('[data-testid="reproduce-start"]');
    await start.trigger('click');
    await start.trigger('click');
    expect(reproducePaper).toHaveBeenCalledTimes(1);
    expect(reproducePaper).toHaveBeenCalledWith({ tier: 'quick' });
    expect(start.text()).toBe('Starting…');
    expect(start.attributes('disabled')).toBeDefined();

    answer(state());
    await flushPromises();
    expect(statuses()).toEqual(['running 0 of 20 runs', 'queued']);
    expect(wrapper.find('[data-testid="reproduce-progress"]').text()).toBe('0 of 40 runs ended');

    emit(
      'reproduce:progress',
      state({
        experiments: [
          experiment('two-timescale', { status: 'running', finishedRuns: 7, sweepId: 's1' }),
          experiment('same-stepsizes'),
        ],
      }),
    );
    await flushPromises();
    expect(statuses()).toEqual(['running 7 of 20 runs', 'queued']);

    const firstDone = experiment('two-timescale', { status: 'done', finishedRuns: 20, sweepId: 's1', pass: true });
    emit(
      'reproduce:progress',
      state({
        experiments: [firstDone, experiment('same-stepsizes', { status: 'running', finishedRuns: 3 })],
        checks: [pass],
      }),
    );
    await flushPromises();
    expect(statuses()).toEqual(['done: pass', 'running 3 of 20 runs']);
    expect(wrapper.findAll('[data-testid="reproduce-check"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="reproduce-verdict"]').exists()).toBe(false);

    // An older state arriving late (a reply overtaken by events) changes nothing.
    emit('reproduce:progress', state());
    await flushPromises();
    expect(statuses()).toEqual(['done: pass', 'running 3 of 20 runs']);

    const report = { fileName: 'ttlab-reproduction-quick.zip', data: Uint8Array.of(0x50, 0x4b, 5, 6) };
    const secondDone = experiment('same-stepsizes', { status: 'done', finishedRuns: 20, sweepId: 's2', pass: false });
    emit(
      'reproduce:progress',
      state({ status: 'done', experiments: [firstDone, secondDone], checks: [pass, fail], report }),
    );
    await flushPromises();
    expect(statuses()).toEqual(['done: pass', 'done: 1 check fails']);
    const rows = wrapper.findAll('[data-testid="reproduce-check"]');
    expect(rows.map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['two-timescale', 'every run finishes', '20/20 done', '20/20 done', 'pass'],
      ['same-stepsizes', 'most seeds leave a jump uncovered', '>= 80% of 20 runs', '12/20 (60%)', 'FAIL'],
    ]);
    expect(wrapper.find('[data-testid="reproduce-verdict"]').text()).toBe('1 of 2 checks fail.');
    expect(start.text()).toBe('Run the quick tier again');
    expect(start.attributes('disabled')).toBeUndefined();

    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await wrapper.find('[data-testid="reproduce-download"]').trigger('click');
    expect(names).toEqual(['ttlab-reproduction-quick.zip']);
    const blob = created.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('application/zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x50, 0x4b, 5, 6]);
  });

  it('shows why starting failed and lets the user try again', async () => {
    const reproducePaper = vi.fn().mockRejectedValueOnce(new Error('lab closed')).mockResolvedValueOnce(state());
    const { wrapper, statuses } = mountView(reproducePaper);
    await wrapper.find('[data-testid="reproduce-start"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="reproduce-error"]').text()).toBe('lab closed');
    await wrapper.find('[data-testid="reproduce-start"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="reproduce-error"]').exists()).toBe(false);
    expect(statuses()).toEqual(['running 0 of 20 runs', 'queued']);
  });

  it('shows a reproduction started elsewhere as soon as it announces itself, and one that stopped', async () => {
    const { wrapper, emit, statuses } = mountView();
    emit(
      'reproduce:progress',
      state({
        status: 'failed',
        error: 'the lab closed before the reproduction ended',
        experiments: [experiment('two-timescale', { status: 'failed', finishedRuns: 4 }), experiment('same-stepsizes')],
      }),
    );
    await flushPromises();
    expect(statuses()).toEqual(['stopped', 'queued']);
    expect(wrapper.text()).toContain('The reproduction stopped: the lab closed before the reproduction ended');
  });
});
