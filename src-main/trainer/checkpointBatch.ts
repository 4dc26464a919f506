/** Gathers a run's checkpoints and hands them on in batches, so a fast run does not send one message per checkpoint. */
import type { RunCheckpoint } from '#shared/run/types';

/** A batch leaves at the latest this long after the previous one... */
export const FLUSH_INTERVAL_MS = 100;
/** ...or as soon as it holds this many checkpoints. */
export const FLUSH_COUNT = 50;

export class CheckpointBatch {
  /** Checkpoints not sent yet. */
  private pending: RunCheckpoint[] = [];
  private lastFlushAt = performance.now();

  constructor(
    /** Index in the run's series of the first pending checkpoint (a resumed run goes on from its stored ones). */
    private firstIndex: number,
    private readonly send: (firstIndex: number, checkpoints: RunCheckpoint[]) => void,
  ) {}

  add(checkpoint: RunCheckpoint): void {
    this.pending.push(checkpoint);
    if (this.pending.length >= FLUSH_COUNT) this.flush();
  }

  flushIfDue(now: number): void {
    if (now - this.lastFlushAt >= FLUSH_INTERVAL_MS) this.flush();
  }

  flush(): void {
    this.lastFlushAt = performance.now();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const firstIndex = this.firstIndex;
    this.firstIndex += batch.length;
    this.send(firstIndex, batch);
  }
}
