/**
 * The convergence rule of the reports (docs/MODEL.md section 6): a run converged when every target jump holds a neuron within
 * eta / 2 and its final loss is within CONVERGENCE_FACTOR of the floor eta sum(Delta^2) / 28.
 */
import { lossFloor } from '../math/target';
import type { RunDetail, RunStatus } from '../run/record';

/** Final loss may exceed the floor by this factor. */
export const CONVERGENCE_FACTOR = 1.5;

/** Runs still going or stopped by hand say nothing about convergence; they are left out of the statistics. */
const undecided: readonly RunStatus[] = ['queued', 'running', 'cancelled', 'interrupted'];

type Judged = Pick<RunDetail, 'status' | 'finalLoss' | 'coveredJumps' | 'totalJumps' | 'config'>;

/** The rule applies to 1-D smoothed-step networks with at least one jump (not to full-batch or ReLU runs). */
export function hasConvergenceRule(run: Pick<RunDetail, 'config'>): boolean {
  const { config } = run;
  return config.trainer !== 'full-batch' && config.network.activation === 'cubic' && config.target.positions.length > 0;
}

/** Whether the run counts in convergence statistics: finished on its own (done, diverged or failed). */
export function isDecided(run: Pick<RunDetail, 'status'>): boolean {
  return !undecided.includes(run.status);
}

/** Converged: done, all jumps covered, final loss <= 1.5 x floor. Diverged and failed runs did not converge. */
export function isConverged(run: Judged): boolean {
  if (run.status !== 'done' || run.finalLoss === null || run.coveredJumps === null) return false;
  const floor = lossFloor(run.config.target, run.config.network.eta);
  return run.coveredJumps === run.totalJumps && run.finalLoss <= CONVERGENCE_FACTOR * floor;
}

/** Converged runs among the decided ones: { converged, decided } (probability converged / decided). */
export function convergenceCount(runs: readonly Judged[]): { converged: number; decided: number } {
  const decided = runs.filter(isDecided);
  return { converged: decided.filter(isConverged).length, decided: decided.length };
}
