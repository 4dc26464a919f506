/** The words and numbers reports print about a run: its relevant configuration and the summary of its outcome. */
import type { RunDetail } from '#shared/api/contract';
import { flattenConfig, fieldText } from '#shared/analysis/configFields';
import { CONVERGENCE_FACTOR, hasConvergenceRule, isConverged } from '#shared/analysis/convergence';
import { formatCount, formatNumber } from '#shared/base/format';
import { fieldLabel } from '#shared/config/fieldLabels';
import { isRead } from '#shared/config/sections';
import type { RunConfig } from '#shared/config/schema';
import { lossFloor } from '#shared/math/target';

/** [label, value] of every configuration field that matters for this run's trainer, labelled as the paper names it. */
export function configPairs(config: RunConfig): Array<[string, string]> {
  return [...flattenConfig(config)]
    .filter(([path]) => isRead(config, path))
    .map(([path, value]) => [fieldLabel(path), fieldText(value)]);
}

/** Final loss over the floor eta sum(Delta^2) / 28, when the run has both. */
export function floorOf(run: Pick<RunDetail, 'config'>): number | null {
  return hasConvergenceRule(run) ? lossFloor(run.config.target, run.config.network.eta) : null;
}

/** "3/5", or "—" when the run has no coverage. */
export const coveredText = (run: Pick<RunDetail, 'coveredJumps' | 'totalJumps'>) =>
  run.coveredJumps === null ? '—' : `${run.coveredJumps}/${run.totalJumps}`;

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

const RULE = `every jump holds a neuron within η/2 and the final loss is at most ${CONVERGENCE_FACTOR} × the floor η·ΣΔ²/28`;

/**
 * The sentence under the outcome: the rule as it held for a converged run; for another, the rule stated as a rule
 * followed by what failed, so "converged: no" is never followed by a sentence that reads as if it held.
 */
export function convergenceNote(run: RunDetail): string | null {
  if (!hasConvergenceRule(run)) return null;
  if (isConverged(run)) return `Converged: ${RULE}.`;
  const floor = floorOf(run);
  const reasons: string[] = [];
  if (run.status !== 'done') reasons.push(`the run ended ${run.status}`);
  if (run.coveredJumps !== null && run.coveredJumps < run.totalJumps)
    reasons.push(`${run.totalJumps - run.coveredJumps} of ${run.totalJumps} jumps hold no neuron within η/2`);
  if (run.finalLoss !== null && floor !== null && run.finalLoss > CONVERGENCE_FACTOR * floor)
    reasons.push(`the final loss is ${formatNumber(run.finalLoss / floor, 3)} × the floor`);
  if (run.finalLoss === null || run.coveredJumps === null) reasons.push('the run has no final loss or coverage');
  return `Not converged: ${reasons.join('; ')}. A run converges when ${RULE}.`;
}
