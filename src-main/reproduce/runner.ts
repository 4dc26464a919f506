/** Runs an experiment's sweep for a tier, stores it as the sweep `reproduce/<experiment>/<tier>`, and checks it. */
import { parseSweepSpec, type SweepSpec } from '#shared/config/schema';
import type { RunResult, RunStore } from '../store';
import { runsFinished } from './checks';
import type { Experiment, ExperimentOutcome, ExperimentRun, Tier } from './types';

export const sweepName = (experiment: Experiment, tier: Tier) => `reproduce/${experiment.name}/${tier}`;

export function experimentSweep(experiment: Experiment, tier: Tier): SweepSpec {
  return parseSweepSpec({ ...experiment.sweep(tier), name: sweepName(experiment, tier) });
}

/** A stored run as the checks read it: its result with its configuration, limit losses and final positions. */
export function experimentRun(result: RunResult, store: RunStore): ExperimentRun {
  if (!result.runId) throw new Error(`run ${result.name} was not stored`);
  const series = store.getCheckpoints(result.runId);
  const last = Math.max(0, series.count - 1);
  return {
    runId: result.runId,
    params: result.params ?? {},
    config: store.getRun(result.runId).config,
    status: result.status as ExperimentRun['status'],
    finalLoss: result.finalLoss,
    coverage: result.coverage,
    loss: series.loss.slice(0, series.count),
    limitLoss: series.limitLoss ? series.limitLoss.slice(0, series.count) : null,
    finalU: series.u.slice(last * series.uLength, (last + 1) * series.uLength),
  };
}

/** The table rows of an experiment: `every run finishes`, then its own checks. */
export function checkRows(
  experiment: Experiment,
  runs: readonly ExperimentRun[],
  tier: Tier,
): ExperimentOutcome['rows'] {
  return [runsFinished(runs), ...experiment.checks(runs, tier)].map((check) => ({
    experiment: experiment.name,
    ...check,
  }));
}

/** Runs a sweep to its end and returns its stored results: the CLI on a pool of its own, the app on the lab's. */
export type SweepRunner = (spec: SweepSpec) => Promise<RunResult[]>;

export async function runExperiment(
  experiment: Experiment,
  tier: Tier,
  store: RunStore,
  sweep: SweepRunner,
): Promise<ExperimentOutcome> {
  const started = performance.now();
  const results = await sweep(experimentSweep(experiment, tier));
  const wallMs = performance.now() - started;
  const runs = results.map((result) => experimentRun(result, store));
  return { experiment, tier, runs, wallMs, rows: checkRows(experiment, runs, tier) };
}
