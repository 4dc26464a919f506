/**
 * A reproduction can be looked up again (a reloaded page shows it) and cancelled: its sweep's runs are cancelled, no
 * further experiment starts, and it ends failed, saying it was cancelled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import type { Reproduction } from '#shared/api/reproduction';
import { forkTrainer } from '../../src-main/pool';
import { replaySameStepsizes } from '../../src-main/reproduce/experiments/replaySameStepsizes';
import { twoTimescale } from '../../src-main/reproduce/experiments/twoTimescale';
import { createLab } from '../../src-main/service/lab';
import { createReproducer } from '../../src-main/service/reproduction';

const dir = mkdtempSync(join(tmpdir(), 'ttlab-reproduction-cancel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cancelling a reproduction', () => {
  it('cancels the runs of its sweep, starts no further experiment, and ends failed as cancelled', async () => {
    const lab = createLab({ dbFile: join(dir, 'cancel.sqlite'), spawn: forkTrainer(), poolSize: 1 });
    const states: Reproduction[] = [];
    let sweepStarted = () => {};
    const started = new Promise<void>((resolve) => (sweepStarted = resolve));
    const reproducer = createReproducer({
      store: lab.store,
      lab,
      experiments: [twoTimescale, replaySameStepsizes],
      cancelRun: (runId) => void lab.handlers.cancelRun({ runId }),
      announce: (state) => {
        states.push(state);
        if (state.experiments[0].sweepId !== null) sweepStarted();
      },
    });
    try {
      expect(reproducer.current()).toBeNull();
      expect(reproducer.cancel()).toBe(false);
      const first = reproducer.start('quick');
      expect(reproducer.current()).toMatchObject({ id: first.id, status: 'running' });
      await started;
      expect(reproducer.cancel()).toBe(true);
      await reproducer.settled();

      const last = reproducer.current()!;
      expect(last).toMatchObject({ id: first.id, status: 'failed', error: 'cancelled before it ended', report: null });
      expect(last.experiments[1].status).toBe('queued');
      expect(lab.store.listSweeps()).toHaveLength(1);
      const runs = lab.store.listRuns();
      expect(runs.some((run) => run.status === 'cancelled')).toBe(true);
      expect(runs.every((run) => run.status === 'cancelled' || run.status === 'done')).toBe(true);
      expect(reproducer.cancel()).toBe(false);
      expect(states.at(-1)).toEqual(last);
    } finally {
      reproducer.close();
      await lab.close();
    }
  }, 120_000);

  it('answers currentReproduction and cancelReproduction through the API, with nothing running', async () => {
    const lab = createLab({ dbFile: join(dir, 'api.sqlite'), spawn: forkTrainer(), poolSize: 1 });
    try {
      expect(await dispatch(lab.handlers, 'currentReproduction', {})).toEqual({ ok: true, result: null });
      expect(await dispatch(lab.handlers, 'cancelReproduction', {})).toEqual({
        ok: true,
        result: { cancelled: false },
      });
      expect((await dispatch(lab.handlers, 'currentReproduction', { extra: 1 })).ok).toBe(false);
    } finally {
      await lab.close();
    }
  });
});
