/** A lab on a temporary database with real trainer processes (src-main/trainer/entry.ts), and waits on its events. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabEvents, RunStatus } from '#shared/api/contract';
import { finishedStatuses } from '#shared/api/contract';
import { forkTrainer, type ChildHandle } from '../../src-main/pool/forkTrainer';
import { createLab, type Lab } from '../../src-main/service/lab';

export interface Harness {
  lab: Lab;
  /** Every trainer process started, in order. */
  children: ChildHandle[];
  statuses: Array<LabEvents['run:status']>;
  /** Resolves with the run's final status event. */
  ended(runId: string): Promise<LabEvents['run:status']>;
  /** Resolves once the run reaches `status`. */
  reached(runId: string, status: RunStatus): Promise<void>;
  dispose(): Promise<void>;
}

export function openHarness(poolSize: number): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-lab-'));
  const spawn = forkTrainer();
  const children: ChildHandle[] = [];
  const lab = createLab({ dbFile: join(dir, 'lab.db'), spawn: () => children[children.push(spawn()) - 1], poolSize });
  const statuses: Harness['statuses'] = [];
  lab.events.on('run:status', (event) => statuses.push(event));
  const waitFor = (runId: string, accept: (status: RunStatus) => boolean) =>
    new Promise<LabEvents['run:status']>((resolve) => {
      const seen = statuses.find((event) => event.runId === runId && accept(event.status));
      if (seen) return resolve(seen);
      const off = lab.events.on('run:status', (event) => {
        if (event.runId !== runId || !accept(event.status)) return;
        off();
        resolve(event);
      });
    });
  return {
    lab,
    children,
    statuses,
    ended: (runId) => waitFor(runId, (status) => finishedStatuses.includes(status)),
    reached: async (runId, status) => {
      await waitFor(runId, (seen) => seen === status);
    },
    dispose: async () => {
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
