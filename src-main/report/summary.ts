/** The words and numbers reports print about a run: its relevant configuration and the summary of its outcome. */
import type { RunDetail } from '../../src-shared/api/contract';
import { flattenConfig, fieldText } from '../../src-shared/analysis/configFields';
import { hasConvergenceRule, isConverged } from '../../src-shared/analysis/convergence';
import { formatCount, formatNumber } from '../../src-shared/charts/format';
import type { RunConfig } from '../../src-shared/config/schema';
import { lossFloor } from '../../src-shared/math/target';

/** Top-level configuration groups that affect a run of each trainer (the others keep their defaults unused). */
function relevantGroups(config: RunConfig): string[] {
  const common = ['trainer', 'seed', 'rng', 'checkpoints'];
  // Full-batch runs last `fullBatch.epochs`; the others `duration`.
  if (config.trainer === 'full-batch') return [...common, 'network', 'fullBatch'];
  if (config.trainer === 'sgd') return [...common, 'duration', 'target', 'network', 'sgd', ...(config.sgd.limitBeside ? ['ode'] : [])];
  return [...common, 'duration', 'target', 'network', 'ode'];
}

/** [dotted path, value] of every configuration field that matters for this run's trainer. */
export function configPairs(config: RunConfig): Array<[string, string]> {
  const groups = relevantGroups(config);
  return [...flattenConfig(config)].filter(([path]) => groups.includes(path.split('.')[0])).map(([path, value]) => [path, fieldText(value)]);
}

/** Final loss over the floor eta sum(Delta^2) / 28, when the run has both. */
export function floorOf(run: Pick<RunDetail, 'config'>): number | null {
  return hasConvergenceRule(run) ? lossFloor(run.config.target, run.config.network.eta) : null;
}

/** "3/5", or "—" when the run has no coverage. */
export const coveredText = (run: Pick<RunDetail, 'coveredJumps' | 'totalJumps'>) => (run.coveredJumps === null ? '—' : `${run.coveredJumps}/${run.totalJumps}`);

export function summaryPairs(run: RunDetail): Array<[string, string]> {
  const floor = floorOf(run);
  const pairs: Array<[string, string]> = [
    ['status', run.status],
    ['steps', `${formatCount(run.steps)} of ${formatCount(run.totalSteps)}`],
    ['final loss', formatNumber(run.finalLoss)],
    ['best loss', formatNumber(run.bestLoss)],
    ['limit final loss', run.limitFinalLoss === null ? (run.limitNote ?? '—') : formatNumber(run.limitFinalLoss)],
    ['floor η·ΣΔ²/28', formatNumber(floor)],
    ['final / floor', floor !== null && run.finalLoss !== null ? formatNumber(run.finalLoss / floor, 3) : '—'],
    ['jumps covered', coveredText(run)],
    ['converged', hasConvergenceRule(run) ? (isConverged(run) ? 'yes' : 'no') : 'rule not defined'],
    ['duration', run.durationMs === null ? '—' : `${formatNumber(run.durationMs / 1000, 3)} s`],
  ];
  return run.error ? [...pairs, ['error', run.error]] : pairs;
}
