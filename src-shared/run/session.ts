/**
 * A run from configuration to outcome: builds the trainer, evaluates it on the checkpoint schedule (with the limit
 * beside SGD when asked), and stops at the last good checkpoint when training diverges. Synchronous and chunked, so a
 * worker process can interleave it with messages.
 */
import { totalSteps as totalStepsOf, type RunConfig } from '../config/schema';
import { coverage, coveredCount, type CoverageEntry } from '../math/coverage';
import { createRng } from '../rng';
import { createTrainer } from '../trainers/factory';
import { LimitTrainer } from '../trainers/limit';
import { LimitUndefinedError, type Trainer } from '../trainers/types';
import { checkpointSteps } from './schedule';
import { SESSION_SNAPSHOT_VERSION, type SessionSnapshot } from './snapshot';
import type { RunCheckpoint, RunOutcome, RunSession, SessionStatus } from './types';

/** Parameters or losses beyond this magnitude count as exploded. */
export const EXPLOSION_BOUND = 1e12;

export const LIMIT_UNDEFINED_NOTE = 'undefined for this init (a target piece holds fewer than two neurons)';

function explodedReason(trainer: Trainer, loss: number): string | null {
  if (!Number.isFinite(loss) || Math.abs(loss) > EXPLOSION_BOUND) return `the loss became ${loss}`;
  for (const [name, values] of [
    ['a', trainer.state.a],
    ['u', trainer.state.u],
  ] as const) {
    for (let j = 0; j < values.length; j++) {
      if (!(Math.abs(values[j]) <= EXPLOSION_BOUND)) return `parameter ${name}[${j}] became ${values[j]}`;
    }
  }
  return null;
}

/** The limit integrated beside SGD from SGD's initial positions, or the reason it cannot be. */
function limitBeside(config: RunConfig, trainer: Trainer): { limit: LimitTrainer | null; note: string | null } {
  if (config.trainer !== 'sgd' || !config.sgd.limitBeside) return { limit: null, note: null };
  try {
    return { limit: LimitTrainer.fromPositions(config, trainer.state.u.slice()), note: null };
  } catch (error) {
    if (error instanceof LimitUndefinedError) return { limit: null, note: LIMIT_UNDEFINED_NOTE };
    throw error;
  }
}

/**
 * A session of `config`, from its start or, with `resume`, from a snapshot taken of a session of the same
 * configuration: the checkpoints it records then are those the first session would have recorded next, bit for bit.
 */
export function createRunSession(
  config: RunConfig,
  onCheckpoint: (checkpoint: RunCheckpoint) => void,
  resume?: SessionSnapshot,
): RunSession {
  const trainer = createTrainer(config, createRng(config.rng, config.seed));
  const total = totalStepsOf(config);
  const schedule = checkpointSteps(config, total);
  // The limit starts from the initial positions, so it is built before the trainer moves to the snapshot.
  const { limit, note: limitNote } = limitBeside(config, trainer);
  const oneDimensional = config.trainer !== 'full-batch';
  /** Entries of the schedule handled; while the session runs, each one recorded a checkpoint. */
  let next = 0;
  let status: SessionStatus = 'running';
  let error: string | null = null;
  let last: RunCheckpoint | null = null;
  let best: number | null = null;
  if (resume) {
    if ((resume.limit === null) !== (limit === null))
      throw new Error('this saved state does not fit the run: the limit beside SGD differs');
    if (resume.recorded > schedule.length || resume.trainer.step > total)
      throw new Error("this saved state does not fit the run: it lies beyond the run's end");
    trainer.restore(resume.trainer);
    if (limit && resume.limit) limit.restore(resume.limit);
    ({ recorded: next, best, last } = resume);
  }

  function record(): void {
    const state = trainer.state;
    const loss = trainer.loss();
    const reason = explodedReason(trainer, loss);
    if (reason) {
      status = 'diverged';
      error = `diverged at step ${state.step}: ${reason}; kept the last good checkpoint`;
      return;
    }
    let limitLoss: number | null = null;
    if (limit) {
      limit.advanceTo(state.tau);
      limitLoss = limit.loss();
    }
    const checkpoint: RunCheckpoint = {
      step: state.step,
      tau: state.tau,
      loss,
      limitLoss,
      covered: oneDimensional ? coveredCount(config.target, state.u, config.network.eta) : 0,
      a: state.a.slice(),
      u: state.u.slice(),
    };
    last = checkpoint;
    best = best === null ? loss : Math.min(best, loss);
    onCheckpoint(checkpoint);
  }

  function advance(budget: number): boolean {
    let left = budget;
    while (status === 'running') {
      const step = trainer.state.step;
      if (next < schedule.length && step >= schedule[next]) {
        next++;
        record();
        continue;
      }
      if (step >= total || next >= schedule.length) {
        if (status === 'running') status = 'done';
        break;
      }
      if (left <= 0) break;
      const taken = trainer.step(Math.min(left, schedule[next] - step));
      left -= taken;
      if (taken === 0) status = 'done';
    }
    return status === 'running';
  }

  function outcome(): RunOutcome {
    const final = last as RunCheckpoint | null;
    const finalCoverage: CoverageEntry[] =
      final && oneDimensional ? coverage(config.target, final.u, config.network.eta) : [];
    return {
      status: status === 'running' ? 'done' : status,
      steps: trainer.state.step,
      finalLoss: final ? final.loss : null,
      bestLoss: best,
      limitFinalLoss: final ? final.limitLoss : null,
      limitNote,
      coverage: finalCoverage,
      error,
    };
  }

  function snapshot(): SessionSnapshot {
    if (status !== 'running') throw new Error(`a ${status} session has nothing left to resume`);
    return {
      version: SESSION_SNAPSHOT_VERSION,
      trainer: trainer.snapshot(),
      limit: limit ? limit.snapshot() : null,
      recorded: next,
      best,
      last,
    };
  }

  return {
    config,
    totalSteps: total,
    get status() {
      return status;
    },
    get step() {
      return trainer.state.step;
    },
    get tau() {
      return trainer.state.tau;
    },
    advance,
    outcome,
    snapshot,
  };
}
