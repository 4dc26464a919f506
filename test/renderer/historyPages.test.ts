// @vitest-environment happy-dom
/**
 * The history's first load in pages: the newest runs show at once with a note that older ones are loading, later
 * pages are asked for one after the other and added, edits made meanwhile are kept, and the note goes at the end.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabApi, RunDetail, RunSummary } from '#shared/api/contract';
import { formatCount } from '#shared/base/format';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { FIRST_PAGE, LARGEST_PAGE } from '../../src-renderer/src/composables/useRuns';
import RunsView from '../../src-renderer/src/views/RunsView.vue';
import { fakeLab } from './fakeLab';
import { summaries } from './historyRuns';

/**
 * A lab holding `total` runs that answers listRuns like the store (newest first, pages after a cursor). The first
 * page comes at once; each later page waits until `release()` lets the oldest waiting one through.
 */
function pagedLab(total: number) {
  const newestFirst = summaries(total).reverse();
  const waiting: Array<() => void> = [];
  const listRuns = vi.fn(async ({ limit, before }: { limit?: number; before?: string } = {}) => {
    const start = before === undefined ? 0 : newestFirst.findIndex((run) => run.id === before) + 1;
    const page = newestFirst.slice(start, limit === undefined ? undefined : start + limit);
    if (before !== undefined) await new Promise<void>((resolve) => waiting.push(resolve));
    return page;
  });
  const fake = fakeLab({
    listRuns,
    listSweeps: vi.fn(async () => []),
    updateRun: vi.fn(
      async ({ runId, ...patch }: { runId: string }) =>
        ({ ...newestFirst.find((run) => run.id === runId)!, ...patch }) as RunSummary,
    ),
    getRun: vi.fn(
      async ({ runId }: { runId: string }) =>
        ({ ...newestFirst.find((run) => run.id === runId)!, notes: `notes of ${runId}` }) as RunDetail,
    ),
  } as Partial<LabApi>);
  const release = async () => {
    waiting.shift()?.();
    await flushPromises();
  };
  return { ...fake, listRuns, release, waiting };
}

async function mountHistory(lab: ReturnType<typeof pagedLab>) {
  const wrapper = mount(RunsView, { global: { plugins: [labPlugin(lab.lab)] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const count = (wrapper: Awaited<ReturnType<typeof mountHistory>>) => wrapper.get('[data-testid="runs-count"]').text();
const loadingNote = (wrapper: Awaited<ReturnType<typeof mountHistory>>) =>
  wrapper.find('[data-testid="runs-loading-more"]');

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the history loading in pages', () => {
  it('shows the newest page at once, then each older page, asking for the next before showing the last', async () => {
    const total = 5 * FIRST_PAGE;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    expect(count(wrapper)).toContain(`${formatCount(FIRST_PAGE)} of ${formatCount(FIRST_PAGE)} runs`);
    expect(wrapper.get('[data-testid="run-row"]').attributes('data-run-id')).toBe(`run-${total - 1}`);
    expect(loadingNote(wrapper).text()).toContain(`Loading older runs… ${formatCount(FIRST_PAGE)} so far`);
    // The second page is already asked for, after the first page's last run and twice as large.
    expect(lab.listRuns.mock.calls.map(([params]) => params)).toEqual([
      { limit: FIRST_PAGE },
      { limit: 2 * FIRST_PAGE, before: `run-${total - FIRST_PAGE}` },
    ]);

    await lab.release();
    expect(count(wrapper)).toContain(`${formatCount(3 * FIRST_PAGE)} of ${formatCount(3 * FIRST_PAGE)} runs`);
    expect(loadingNote(wrapper).exists()).toBe(true);
    expect(lab.listRuns).toHaveBeenLastCalledWith({ limit: 4 * FIRST_PAGE, before: `run-${total - 3 * FIRST_PAGE}` });

    await lab.release();
    expect(count(wrapper)).toContain(`${formatCount(total)} of ${formatCount(total)} runs`);
    expect(loadingNote(wrapper).exists()).toBe(false);
    expect(lab.listRuns).toHaveBeenCalledTimes(3);
    expect(lab.waiting).toHaveLength(0);
  });

  it('grows the pages up to the largest page and lists every run once', async () => {
    const total = 2 * LARGEST_PAGE + 123;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    while (lab.waiting.length) await lab.release();
    const limits = lab.listRuns.mock.calls.map(([params]) => params?.limit);
    expect(limits.every((limit, i) => i === 0 || limit === Math.min(2 * limits[i - 1]!, LARGEST_PAGE))).toBe(true);
    expect(Math.max(...(limits as number[]))).toBe(LARGEST_PAGE);
    expect(count(wrapper)).toContain(`${formatCount(total)} of ${formatCount(total)} runs`);
    // Sorted by name over the whole list: the first row is the alphabetically first of all the runs.
    await wrapper.get('[data-testid="sort-name"]').trigger('click');
    expect(wrapper.get('[data-testid="run-row"]').attributes('data-run-id')).toBe('run-0');
  });

  it('keeps an edit made to a shown run while older pages load', async () => {
    const total = 3 * FIRST_PAGE + 50;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    await wrapper.get(`[data-run-id="run-${total - 1}"] [data-testid="star-run"]`).trigger('click');
    await flushPromises();
    while (lab.waiting.length) await lab.release();
    expect(wrapper.get(`[data-run-id="run-${total - 1}"] [data-testid="star-run"]`).attributes('aria-pressed')).toBe(
      'true',
    );
    expect(count(wrapper)).toContain(`${formatCount(total)} of ${formatCount(total)} runs`);
  });

  it('reads the list once more after the first load when a run changes status meanwhile', async () => {
    vi.useFakeTimers();
    const total = 5 * FIRST_PAGE;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    lab.emit('run:status', { runId: 'run-5', status: 'done', error: null });
    vi.advanceTimersByTime(1000);
    await flushPromises();
    // The first load goes on: no new first page while it reads.
    expect(lab.listRuns).toHaveBeenCalledTimes(2);
    while (lab.waiting.length) await lab.release();
    const firstPages = lab.listRuns.mock.calls.filter(([params]) => params?.before === undefined);
    expect(firstPages).toHaveLength(2);
    expect(lab.listRuns).toHaveBeenCalledTimes(6);
    expect(count(wrapper)).toContain(`${formatCount(total)} of ${formatCount(total)} runs`);
    expect(loadingNote(wrapper).exists()).toBe(false);
  });

  it('searches the notes of runs listed after the search began', async () => {
    const total = 3 * FIRST_PAGE;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    await wrapper.get('[data-testid="runs-search"]').setValue('notes of run-0');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="run-row"]')).toHaveLength(0);
    while (lab.waiting.length) await lab.release();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="run-row"]').map((row) => row.attributes('data-run-id'))).toEqual(['run-0']);
  });

  it('says the list is partial when an older page fails, and a refresh lists every run', async () => {
    const total = 5 * FIRST_PAGE;
    const lab = pagedLab(total);
    const wrapper = await mountHistory(lab);
    // The second page is on its way; the third fails.
    lab.listRuns.mockRejectedValueOnce(new Error('the lab went away'));
    await lab.release();
    expect(loadingNote(wrapper).text()).toContain(`Only the newest ${formatCount(3 * FIRST_PAGE)} runs are listed`);
    expect(wrapper.text()).toContain('Could not list the runs: the lab went away');
    await wrapper.get('[data-testid="refresh-runs"]').trigger('click');
    while (lab.waiting.length) await lab.release();
    expect(count(wrapper)).toContain(`${formatCount(total)} of ${formatCount(total)} runs`);
    expect(loadingNote(wrapper).exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Could not list the runs');
  });
});
