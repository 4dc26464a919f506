/** Starts a sweep on a running lab and follows it until every one of its runs has ended, whatever the status. */
import { finishedStatuses, type LabHandlers } from '#shared/api/contract';
import type { SweepSpec } from '#shared/config/schema';
import type { LabEventSource } from './eventHub';

/** A started sweep: its id, its runs in grid order, and the promise of their end. */
export interface FollowedSweep {
  sweepId: string;
  runIds: string[];
  /** Resolves once every run has ended. */
  ended: Promise<void>;
}

/** What a sweep is started on: the lab's handlers and events. */
export interface SweepLab {
  handlers: Pick<LabHandlers, 'startSweep'>;
  events: LabEventSource;
}

/** Starts `spec`; `onRunEnd(ended, total)` is called after each of its runs ends. */
export async function startSweepAndFollow(
  lab: SweepLab,
  spec: SweepSpec,
  onRunEnd?: (ended: number, total: number) => void,
): Promise<FollowedSweep> {
  // Listening first: a run refused by the pool ends inside startSweep, before the ids are known here.
  const endedEarly = new Set<string>();
  /** Called with each run that ends once the sweep's ids are known. */
  let runEnded: ((runId: string) => void) | null = null;
  const off = lab.events.on('run:status', ({ runId, status }) => {
    if (!finishedStatuses.includes(status)) return;
    if (runEnded) runEnded(runId);
    else endedEarly.add(runId);
  });
  let started: { sweepId: string; runIds: string[] };
  try {
    started = await lab.handlers.startSweep({ sweep: spec });
  } catch (error) {
    off();
    throw error;
  }
  const total = started.runIds.length;
  /** Runs of the sweep not ended yet. */
  const waiting = new Set(started.runIds);
  const ended = new Promise<void>((resolve) => {
    const check = () => {
      if (waiting.size > 0) return;
      off();
      resolve();
    };
    runEnded = (runId) => {
      if (!waiting.delete(runId)) return;
      onRunEnd?.(total - waiting.size, total);
      check();
    };
    for (const runId of endedEarly) runEnded(runId);
    check();
  });
  return { ...started, ended };
}
