/**
 * "Reproduce the paper" in the app: the experiments of docs/MODEL.md section 6, one sweep at a time on the lab's own pool
 * (stored as the sweeps `reproduce/<experiment>/<tier>`, as the CLI stores them), checked, and their figures zipped.
 * Each change of state is announced whole; the last announcement carries the report.
 */
import type { Reproduction, ReproductionExperiment, ReproductionTier } from '#shared/api/reproduction';
import { errorMessage } from '#shared/base/errors';
import { sweepSize } from '#shared/config/sweep';
import { experiments as paperExperiments } from '../reproduce/experiments';
import { reportZip } from '../reproduce/report';
import { experimentSweep, runExperiment } from '../reproduce/runner';
import type { Experiment, ExperimentOutcome } from '../reproduce/types';
import { sweepResults, type RunStore } from '../store';
import { startSweepAndFollow, type SweepLab } from './sweepWait';

export interface ReproducerOptions {
  store: RunStore;
  /** The lab whose pool runs the sweeps. */
  lab: SweepLab;
  /** Announces each new state (the lab emits it as `reproduce:progress`). */
  announce(state: Reproduction): void;
  /** The experiments to run, in order (default: all of the paper's). */
  experiments?: readonly Experiment[];
  /** Cancels one run (queued or running); how cancelReproduction stops the sweep under way. */
  cancelRun?: (runId: string) => void;
}

export interface Reproducer {
  /** Starts a reproduction; while one runs, returns it instead of starting another. */
  start(tier: ReproductionTier): Reproduction;
  /** Resolves once the current reproduction has ended (at once when none runs). */
  settled(): Promise<void>;
  /** Starts no further experiment (the lab is closing; its runs end interrupted). */
  close(): void;
  /** The latest reproduction (running or ended), or null before the first. */
  current(): Reproduction | null;
  /** Stops the running reproduction (its runs cancelled, it ends failed, "cancelled"); false when none runs. */
  cancel(): boolean;
}

/** A copy safe to hand out while the state keeps changing. */
function snapshot(state: Reproduction): Reproduction {
  return { ...state, experiments: state.experiments.map((entry) => ({ ...entry })), checks: [...state.checks] };
}

function queued(experiment: Experiment, tier: ReproductionTier): ReproductionExperiment {
  const runs = sweepSize(experimentSweep(experiment, tier));
  return {
    name: experiment.name,
    summary: experiment.summary,
    status: 'queued',
    runs,
    finishedRuns: 0,
    sweepId: null,
    pass: null,
    wallMs: null,
  };
}

export function createReproducer(options: ReproducerOptions): Reproducer {
  const { store, lab } = options;
  const list = options.experiments ?? paperExperiments;
  let current: Reproduction | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  /** The reproduction a cancel was asked for, and the runs of the sweep it is running. */
  let cancelled: Reproduction | null = null;
  let activeRuns: readonly string[] = [];
  const cancelRuns = (runIds: readonly string[]) => runIds.forEach((runId) => options.cancelRun?.(runId));

  /** Runs one experiment's sweep on the lab, keeping its entry's counts current. */
  function runOne(
    experiment: Experiment,
    entry: ReproductionExperiment,
    state: Reproduction,
  ): Promise<ExperimentOutcome> {
    const announce = () => options.announce(snapshot(state));
    entry.status = 'running';
    announce();
    return runExperiment(experiment, state.tier, store, async (spec) => {
      const sweep = await startSweepAndFollow(lab, spec, (ended) => {
        entry.finishedRuns = ended;
        announce();
      });
      activeRuns = sweep.runIds;
      // Cancelled while the sweep was being created: its runs are known only now.
      if (cancelled === state) cancelRuns(sweep.runIds);
      entry.sweepId = sweep.sweepId;
      announce();
      await sweep.ended;
      return sweepResults(store, spec, sweep.runIds);
    });
  }

  async function run(state: Reproduction): Promise<void> {
    const outcomes: ExperimentOutcome[] = [];
    const stopIfClosed = () => {
      if (closed) throw new Error('the lab closed before the reproduction ended');
      if (cancelled === state) throw new Error('cancelled before it ended');
    };
    for (const [i, experiment] of list.entries()) {
      stopIfClosed();
      const entry = state.experiments[i];
      const outcome = await runOne(experiment, entry, state);
      stopIfClosed();
      Object.assign(entry, {
        status: 'done',
        pass: outcome.rows.every((row) => row.pass),
        wallMs: Math.round(outcome.wallMs),
      });
      state.checks.push(...outcome.rows);
      outcomes.push(outcome);
      options.announce(snapshot(state));
    }
    state.report = { fileName: `ttlab-reproduction-${state.tier}.zip`, data: reportZip(outcomes, state.tier, store) };
    state.status = 'done';
  }

  function fail(state: Reproduction, error: unknown): void {
    state.status = 'failed';
    state.error = errorMessage(error);
    for (const entry of state.experiments) if (entry.status === 'running') entry.status = 'failed';
  }

  return {
    start(tier) {
      if (current?.status === 'running') return snapshot(current);
      const state: Reproduction = {
        id: new Date().toISOString(),
        tier,
        status: 'running',
        experiments: list.map((e) => queued(e, tier)),
        checks: [],
        error: null,
        report: null,
      };
      current = state;
      running = run(state)
        .catch((error: unknown) => fail(state, error))
        .then(() => options.announce(snapshot(state)));
      return snapshot(state);
    },
    settled: () => running,
    close: () => (closed = true),
    current: () => (current ? snapshot(current) : null),
    cancel() {
      if (current?.status !== 'running') return false;
      cancelled = current;
      cancelRuns(activeRuns);
      return true;
    },
  };
}
