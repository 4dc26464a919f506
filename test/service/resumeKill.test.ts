/**
 * Exact resume through the real trainer processes: each run of every trainer kind is killed with SIGKILL at 10 random
 * moments and resumed each time; its stored checkpoints then equal, bit for bit, those of the same run never
 * interrupted. The trainers save their state after every chunk here (TTLAB_STATE_INTERVAL_MS=0), so the kills land
 * between, before and after saved states and checkpoint batches alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvents, RunStatus } from '#shared/api/contract';
import { finishedStatuses } from '#shared/api/contract';
import { checkpointAt } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import { forkTrainer, type ChildHandle } from '../../src-main/pool/forkTrainer';
import { createLab, type Lab } from '../../src-main/service/lab';
import { choices, firstDifference, resumeCases } from '../run/resumeConfigs';

const KILLS = 10;

/** Kills planned per run: after how many more messages from its trainer process the next kill comes. */
const killPlans = new Map<string, number[]>();

/** A trainer process whose run may be killed with SIGKILL after a planned number of messages. */
function killableSpawn(): () => ChildHandle {
  const spawn = forkTrainer({ env: { ...process.env, TTLAB_STATE_INTERVAL_MS: '0' } });
  return () => {
    const child = spawn();
    let runId: string | null = null;
    let heard = 0;
    return {
      ...child,
      pid: child.pid,
      send(message) {
        const start = message as { type?: string; runId?: string };
        if (start.type === 'start') {
          runId = start.runId ?? null;
          heard = 0;
        }
        child.send(message);
      },
      onMessage(listener) {
        child.onMessage((message) => {
          listener(message);
          const plan = runId ? killPlans.get(runId) : undefined;
          if (!plan || plan.length === 0 || ++heard < plan[0]) return;
          plan.shift();
          runId = null;
          if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
        });
      },
    };
  };
}

let dir: string;
let lab: Lab;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ttlab-resume-'));
  lab = createLab({ dbFile: join(dir, 'lab.db'), spawn: killableSpawn(), poolSize: 2 });
});

afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the next final status of the run. */
function ended(runId: string): Promise<RunStatus> {
  return new Promise((resolve) => {
    const off = lab.events.on('run:status', (event: LabEvents['run:status']) => {
      if (event.runId !== runId || !finishedStatuses.includes(event.status)) return;
      off();
      resolve(event.status);
    });
  });
}

function stored(runId: string): RunCheckpoint[] {
  const series = lab.store.getCheckpoints(runId);
  return Array.from({ length: series.count }, (_, i) => checkpointAt(series, i));
}

async function startAndWait(
  config: Parameters<Lab['handlers']['startRun']>[0]['config'],
  plan: number[] | null,
): Promise<{ runId: string; status: RunStatus }> {
  const { runId } = await lab.handlers.startRun({ config });
  // In place before the run's process can say anything: starting a process takes far longer than this turn.
  if (plan) killPlans.set(runId, plan);
  return { runId, status: await ended(runId) };
}

describe('a run killed with SIGKILL and resumed, again and again', () => {
  for (const [index, [label, config]] of resumeCases(true).entries()) {
    it(`${label}: ${KILLS} kills, ${KILLS} resumes, the same checkpoints as a run never interrupted`, async () => {
      const random = choices(1000 + index);
      const plan = Array.from({ length: KILLS }, () => 2 + Math.floor(random() * 5));
      const [reference, killed] = await Promise.all([startAndWait(config, null), startAndWait(config, plan)]);
      expect(reference.status, lab.store.getRun(reference.runId).error ?? '').toBe('done');
      let status = killed.status;
      let resumes = 0;
      while (status === 'failed') {
        const next = ended(killed.runId);
        await lab.handlers.resumeRun({ runId: killed.runId });
        resumes++;
        status = await next;
      }
      expect(status).toBe('done');
      expect(resumes).toBe(KILLS);
      expect(firstDifference(stored(reference.runId), stored(killed.runId))).toBeNull();
      const [first, second] = lab.store.getRunDetails([reference.runId, killed.runId]);
      expect(second.finalLoss).toBe(first.finalLoss);
      expect(second.bestLoss).toBe(first.bestLoss);
      expect(second.coverage).toEqual(first.coverage);
      expect(second.steps).toBe(first.steps);
      expect(lab.store.getProvenance(killed.runId)?.resumes.length).toBe(KILLS);
    }, 300_000);
  }
});
