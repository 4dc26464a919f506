/**
 * "Reproduce the paper" through the lab's API: a sweep followed to its end on fake events, then one real experiment
 * (Fig 5 replayed, one run) in the lab's own pool on a temporary database, with its progress and its report zip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvents } from '#shared/api/contract';
import { dispatch } from '#shared/api/dispatch';
import type { Reproduction } from '#shared/api/reproduction';
import { parseSweepSpec } from '#shared/config/schema';
import { forkTrainer } from '../../src-main/pool';
import { replaySameStepsizes } from '../../src-main/reproduce/experiments/replaySameStepsizes';
import { createEventHub } from '../../src-main/service/eventHub';
import { createLab } from '../../src-main/service/lab';
import { createReproducer } from '../../src-main/service/reproduction';
import { startSweepAndFollow } from '../../src-main/service/sweepWait';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dir = mkdtempSync(join(tmpdir(), 'ttlab-reproduction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startSweepAndFollow', () => {
  const spec = parseSweepSpec({ name: 'two seeds', base: {}, seeds: [1, 2] });

  it('resolves once every run of the sweep has ended, counting only its own runs, even one ended while starting', async () => {
    const hub = createEventHub();
    const ended = (runId: string, status: 'done' | 'failed' | 'running') =>
      hub.emit('run:status', { runId, status, error: null });
    const handlers = {
      startSweep: () => {
        ended('r1', 'failed'); // refused by the pool inside startSweep
        return { sweepId: 's', runIds: ['r1', 'r2', 'r3'] };
      },
    };
    const counts: number[] = [];
    const sweep = await startSweepAndFollow({ handlers, events: hub }, spec, (count, total) =>
      counts.push(count * 10 + total),
    );
    let done = false;
    void sweep.ended.then(() => (done = true));
    ended('other', 'done');
    ended('r2', 'running');
    ended('r2', 'done');
    await Promise.resolve();
    expect(done).toBe(false);
    ended('r3', 'done');
    await sweep.ended;
    expect(counts).toEqual([13, 23, 33]);
    expect(hub.heard('run:status')).toBe(false);
  });

  it('stops listening when the sweep is refused', async () => {
    const hub = createEventHub();
    const handlers = {
      startSweep: () => {
        throw new Error('too big');
      },
    };
    await expect(startSweepAndFollow({ handlers, events: hub }, spec)).rejects.toThrow('too big');
    expect(hub.heard('run:status')).toBe(false);
  });
});

describe('reproducePaper', () => {
  it('refuses the full tier: the app runs the quick one', async () => {
    const lab = createLab({ dbFile: join(dir, 'refuse.sqlite'), spawn: forkTrainer(), poolSize: 1 });
    try {
      const reply = await dispatch(lab.handlers, 'reproducePaper', { tier: 'full' });
      expect(reply.ok).toBe(false);
    } finally {
      await lab.close();
    }
  });

  it('runs an experiment in the lab, announces each step, stores it as a sweep and zips the report', async () => {
    const lab = createLab({ dbFile: join(dir, 'lab.sqlite'), spawn: forkTrainer(), poolSize: 2 });
    const states: Reproduction[] = [];
    const hub = createEventHub();
    hub.on('reproduce:progress', (state) => states.push(state));
    lab.events.on('run:status', (event: LabEvents['run:status']) => hub.emit('run:status', event));
    const reproducer = createReproducer({
      store: lab.store,
      lab,
      announce: (state) => hub.emit('reproduce:progress', state),
      experiments: [replaySameStepsizes],
    });
    try {
      const first = reproducer.start('quick');
      expect(first).toMatchObject({ tier: 'quick', status: 'running', checks: [], report: null });
      // The first experiment starts at once; the others would wait 'queued'.
      expect(first.experiments).toEqual([
        expect.objectContaining({
          name: 'replay-same-stepsizes',
          status: 'running',
          runs: 1,
          finishedRuns: 0,
          pass: null,
        }),
      ]);
      expect(reproducer.start('quick').id).toBe(first.id);
      await reproducer.settled();

      const last = states.at(-1)!;
      expect(last.status).toBe('done');
      expect(last.error).toBeNull();
      expect(last.experiments[0]).toMatchObject({ status: 'done', finishedRuns: 1, pass: true });
      expect(last.checks.map((check) => check.claim)).toEqual([
        'every run finishes',
        'the jump at 0.5 is left uncovered',
        'final loss stuck far above the floor',
      ]);
      expect(states.slice(0, -1).every((state) => state.report === null)).toBe(true);
      // queued -> running -> (sweep id, run ended) -> done, in that order
      const statuses = states.map((state) => state.experiments[0].status);
      expect(statuses.indexOf('running')).toBeLessThan(statuses.indexOf('done'));
      expect(
        states.some((state) => state.experiments[0].status === 'running' && state.experiments[0].finishedRuns === 1),
      ).toBe(true);

      const [sweep] = lab.store.listSweeps();
      expect(sweep).toMatchObject({ name: 'reproduce/replay-same-stepsizes/quick', runCount: 1, doneCount: 1 });
      expect(last.experiments[0].sweepId).toBe(sweep.id);

      expect(last.report!.fileName).toBe('ttlab-reproduction-quick.zip');
      const files = unzipSync(last.report!.data);
      expect(Object.keys(files).sort()).toEqual([
        'RESULTS.md',
        'fig5-same-stepsizes-fit.png',
        'fig5-same-stepsizes-loss.png',
        'fig5-same-stepsizes-neurons.png',
        'results.csv',
      ]);
      expect([...files['fig5-same-stepsizes-loss.png'].subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(strFromU8(files['RESULTS.md'])).toContain('| replay-same-stepsizes | the jump at 0.5 is left uncovered |');

      // Done: the next call starts a new reproduction.
      const again = reproducer.start('quick');
      expect(again.status).toBe('running');
      reproducer.close();
      await lab.close();
      await reproducer.settled();
      expect(states.at(-1)).toMatchObject({ id: again.id, status: 'failed' });
    } finally {
      await lab.close();
    }
  }, 120_000);
});
