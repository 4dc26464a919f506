/** Test helpers: a PoolListener that records everything, short run configurations, and a run's outcome. */
import type { WireError } from '#shared/api/contract';
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import { findPreset } from '#shared/config/presets';
import type { RunCheckpoint, RunOutcome } from '#shared/run/types';
import type { PoolListener } from '../../src-main/pool/trainerPool';
import type { TrainerOutcome } from '../../src-main/trainer/protocol';

export interface Recording {
  listener: PoolListener;
  totalSteps: number | null;
  batches: Array<{ firstIndex: number; checkpoints: RunCheckpoint[] }>;
  /** Progress reports with the time they arrived. */
  progress: Array<{ step: number; stepsPerSecond: number; at: number }>;
  /** Resolves when the job ends, with its outcome or error. */
  ended: Promise<{ outcome: TrainerOutcome; durationMs: number } | { error: WireError }>;
  /** Resolves with the first checkpoint batch. */
  firstBatch: Promise<void>;
  checkpoints(): RunCheckpoint[];
}

export function record(): Recording {
  let end!: (result: Awaited<Recording['ended']>) => void;
  let gotBatch!: () => void;
  const recording: Recording = {
    totalSteps: null,
    batches: [],
    progress: [],
    ended: new Promise((resolve) => (end = resolve)),
    firstBatch: new Promise((resolve) => (gotBatch = resolve)),
    checkpoints: () => recording.batches.flatMap((batch) => batch.checkpoints),
    listener: {
      started: (totalSteps) => (recording.totalSteps = totalSteps),
      checkpoints: (firstIndex, checkpoints) => {
        recording.batches.push({ firstIndex, checkpoints });
        gotBatch();
      },
      progress: (progress) => recording.progress.push({ ...progress, at: performance.now() }),
      finished: (outcome, durationMs) => end({ outcome, durationMs }),
      failed: (error) => end({ error }),
    },
  };
  return recording;
}

/** The quick paper preset cut to `steps` SGD steps, a checkpoint every `every` steps. */
export function quickConfig(steps: number, every: number, seed = 42): RunConfig {
  const preset = findPreset('paper-two-timescale-quick');
  if (preset?.kind !== 'run') throw new Error('missing preset paper-two-timescale-quick');
  return parseRunConfig({
    ...preset.config,
    seed,
    duration: { kind: 'steps', steps },
    checkpoints: { kind: 'every', every, cap: 100_000 },
  });
}

/** What a run that ended done after `steps` steps reports, its losses made up. */
export function doneOutcome(steps: number): RunOutcome {
  return {
    status: 'done',
    steps,
    finalLoss: 1,
    bestLoss: 1,
    limitFinalLoss: null,
    limitNote: null,
    coverage: [],
    error: null,
  };
}
