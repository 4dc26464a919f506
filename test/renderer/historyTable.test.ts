// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabApi, RunDetail, RunSummary } from '#shared/api/contract';
import { formatCount } from '#shared/base/format';
import { labPlugin } from '../../src-renderer/src/composables/useLab';
import { NOTES_DELAY_MS, UNDO_WINDOW_MS } from '../../src-renderer/src/composables/useHistoryActions';
import { takeDraft } from '../../src-renderer/src/composables/useDraft';
import RunsView from '../../src-renderer/src/views/RunsView.vue';
import { paperConfig } from '../charts/series';
import { fakeLab } from './fakeLab';
import { summaries } from './historyRuns';

/** The history on a fake lab holding `runs`; updateRun answers with the patched summary. */
async function mountHistory(runs: RunSummary[], api: Partial<LabApi> = {}) {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const fake = fakeLab({
    listRuns: vi.fn(async () => runs),
    listSweeps: vi.fn(async () => []),
    getRun: vi.fn(
      async ({ runId }: { runId: string }) =>
        ({
          ...byId.get(runId)!,
          config: paperConfig({ seed: 7 }),
          notes: `notes of ${runId}`,
          coverage: [],
          limitNote: null,
          provenance: null,
        }) as RunDetail,
    ),
    updateRun: vi.fn(
      async ({ runId, ...patch }: { runId: string }) => ({ ...byId.get(runId)!, ...patch }) as RunSummary,
    ),
    deleteRuns: vi.fn(async ({ runIds }: { runIds: string[] }) => ({ deleted: runIds.length })),
    ...api,
  } as Partial<LabApi>);
  const wrapper = mount(RunsView, { global: { plugins: [labPlugin(fake.lab)] }, attachTo: document.body });
  await flushPromises();
  return { ...fake, wrapper };
}

const rowIds = (wrapper: Awaited<ReturnType<typeof mountHistory>>['wrapper']) =>
  wrapper.findAll('[data-testid="run-row"]').map((row) => row.attributes('data-run-id'));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the run history table', () => {
  it('renders only the rows in view of 10,000 runs, and follows the scroll', async () => {
    const { wrapper } = await mountHistory(summaries(10_000));
    const rows = rowIds(wrapper);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(wrapper.get('[data-testid="runs-count"]').text()).toContain(
      `${formatCount(10_000)} of ${formatCount(10_000)} runs`,
    );
    // Newest first: the last created run leads.
    expect(rows[0]).toBe('run-9999');
    const scroller = wrapper.get('[data-testid="runs-table"]');
    expect(scroller.get('.spacer').attributes('style')).toContain('height: 400000px');
    (scroller.element as HTMLElement).scrollTop = 40 * 5000;
    await scroller.trigger('scroll');
    const after = rowIds(wrapper);
    expect(after.length).toBeLessThan(60);
    // Row 5000 from the top (run-4999) is in view, a few rows of overscan before it.
    expect(after).toContain('run-4999');
    expect(after).not.toContain('run-9999');
  });

  it('sorts by a column, both ways, and searches names', async () => {
    const runs = summaries(300);
    const { wrapper } = await mountHistory(runs);
    await wrapper.get('[data-testid="sort-finalLoss"]').trigger('click');
    const lowest = runs
      .filter((run) => run.finalLoss !== null)
      .reduce((best, run) => (run.finalLoss! < best.finalLoss! ? run : best));
    expect(rowIds(wrapper)[0]).toBe(lowest.id);
    await wrapper.get('[data-testid="sort-finalLoss"]').trigger('click');
    const highest = runs
      .filter((run) => run.finalLoss !== null)
      .reduce((best, run) => (run.finalLoss! > best.finalLoss! ? run : best));
    expect(rowIds(wrapper)[0]).toBe(highest.id);
    await wrapper.get('[data-testid="runs-search"]').setValue('run 123');
    expect(rowIds(wrapper)).toEqual(['run-123']);
  });

  it('filters by status and by a parameter condition', async () => {
    const runs = summaries(100);
    const { wrapper } = await mountHistory(runs);
    await wrapper.get('[data-testid="filter-status-failed"]').trigger('click');
    expect(wrapper.get('[data-testid="runs-count"]').text()).toContain('20 of 100 runs');
    await wrapper.get('[data-testid="param-key"]').setValue('m');
    await wrapper.get('[data-testid="param-op"]').setValue('>=');
    await wrapper.get('[data-testid="param-value"]').setValue('30');
    await wrapper.get('form.param').trigger('submit');
    const expected = runs.filter((run) => run.status === 'failed' && run.m >= 30).length;
    expect(wrapper.get('[data-testid="runs-count"]').text()).toContain(`${expected} of 100 runs`);
    expect(wrapper.get('[data-testid="param-chip"]').text()).toContain('m ≥ 30');
  });

  it('stars a run in place, without fetching the list again', async () => {
    const { wrapper, api } = await mountHistory(summaries(5));
    const listCalls = vi.mocked(api.listRuns).mock.calls.length;
    const row = wrapper.get('[data-run-id="run-1"]');
    await row.get('[data-testid="star-run"]').trigger('click');
    await flushPromises();
    expect(api.updateRun).toHaveBeenCalledWith({ runId: 'run-1', starred: true });
    expect(wrapper.get('[data-run-id="run-1"] [data-testid="star-run"]').attributes('aria-pressed')).toBe('true');
    expect(vi.mocked(api.listRuns).mock.calls.length).toBe(listCalls);
  });

  it('deletes after confirmation, hides at once, and undo brings the runs back without calling the lab', async () => {
    vi.useFakeTimers();
    const { wrapper, api } = await mountHistory(summaries(6));
    for (const id of ['run-1', 'run-2'])
      await wrapper.get(`[data-run-id="${id}"] [data-testid="select-run"]`).setValue(true);
    expect(wrapper.get('[data-testid="selected-count"]').text()).toBe('2 selected');
    await wrapper.get('[data-testid="bulk-delete"]').trigger('click');
    await wrapper.get('[data-testid="confirm-delete-button"]').trigger('click');
    expect(rowIds(wrapper)).not.toContain('run-1');
    expect(wrapper.get('[data-testid="undo-toast"]').text()).toContain('Deleted 2 runs');
    await wrapper.get('[data-testid="undo-delete"]').trigger('click');
    vi.advanceTimersByTime(UNDO_WINDOW_MS * 2);
    await flushPromises();
    expect(api.deleteRuns).not.toHaveBeenCalled();
    expect(rowIds(wrapper)).toContain('run-1');

    await wrapper.get('[data-run-id="run-3"] [data-testid="select-run"]').setValue(true);
    await wrapper.get('[data-testid="bulk-delete"]').trigger('click');
    await wrapper.get('[data-testid="confirm-delete-button"]').trigger('click');
    vi.advanceTimersByTime(UNDO_WINDOW_MS - 1);
    expect(api.deleteRuns).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(api.deleteRuns).toHaveBeenCalledWith({ runIds: ['run-3'] });
    expect(wrapper.find('[data-testid="undo-toast"]').exists()).toBe(false);
  });

  it('saves notes once typing pauses, and tags, renames, re-runs and duplicates from the details', async () => {
    vi.useFakeTimers();
    const { wrapper, api } = await mountHistory(summaries(3));
    await wrapper.get('[data-run-id="run-2"] [data-testid="inspect-run"]').trigger('click');
    await flushPromises();
    const notes = wrapper.get('[data-testid="inspector-notes"]');
    expect((notes.element as HTMLTextAreaElement).value).toBe('notes of run-2');
    for (const text of ['a', 'ab', 'abc']) {
      await notes.setValue(text);
      vi.advanceTimersByTime(NOTES_DELAY_MS / 2);
    }
    expect(api.updateRun).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="notes-state"]').text()).toBe('saving…');
    vi.advanceTimersByTime(NOTES_DELAY_MS);
    await flushPromises();
    expect(api.updateRun).toHaveBeenCalledTimes(1);
    expect(api.updateRun).toHaveBeenCalledWith({ runId: 'run-2', notes: 'abc' });
    expect(wrapper.get('[data-testid="notes-state"]').text()).toBe('saved');

    await wrapper.get('[data-testid="tag-input"]').setValue('keep');
    await wrapper.get('[data-testid="tag-input"]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(api.updateRun).toHaveBeenLastCalledWith({ runId: 'run-2', tags: ['keep'] });
    expect(wrapper.get('[data-run-id="run-2"] .tags').text()).toBe('keep');

    await wrapper.get('[data-testid="inspector-name"]').setValue('renamed');
    await wrapper.get('[data-testid="inspector-name"]').trigger('blur');
    await flushPromises();
    expect(api.updateRun).toHaveBeenLastCalledWith({ runId: 'run-2', name: 'renamed' });

    await wrapper.get('[data-testid="inspector-rerun"]').trigger('click');
    await flushPromises();
    expect(api.startRun).toHaveBeenCalledWith({ config: paperConfig({ seed: 7 }), name: 'renamed (re-run)' });
    expect(window.location.hash).toBe('#/runs/run-42');

    await wrapper.get('[data-testid="inspector-duplicate"]').trigger('click');
    await flushPromises();
    expect(window.location.hash).toBe('#/new');
    expect(takeDraft()).toEqual({ config: paperConfig({ seed: 7 }), name: 'copy of renamed' });
    expect(takeDraft()).toBeNull();
  });

  it('searches the notes too, reading them in the background', async () => {
    const { wrapper, api } = await mountHistory(summaries(20));
    await wrapper.get('[data-testid="runs-search"]').setValue('notes of run-17');
    await flushPromises();
    expect(api.getRun).toHaveBeenCalledTimes(20);
    expect(rowIds(wrapper)).toEqual(['run-17']);
  });
});
