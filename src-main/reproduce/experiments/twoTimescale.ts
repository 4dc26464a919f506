/**
 * Figs 3-4 over seeds. quick: h = 1e-3 (1,750,000 steps a run) on 20 seeds; full: the paper's h = 1e-5 (175,000,000
 * steps a run) on the same 20 seeds. epsilon = 2e-5 and tau_max = 0.035 in both.
 */
import type { RunConfig } from '../../../src-shared/config/schema';
import { coversEveryJump, formatValue, medianFinalLoss, shareAtLeast, withinRange } from '../checks';
import type { Check, Experiment, ExperimentRun, Tier } from '../types';
import { firstSeeds, PAPER_REPEATS, presetConfig } from './base';

const configs: Record<Tier, RunConfig> = { quick: presetConfig('paper-two-timescale-quick'), full: presetConfig('paper-two-timescale') };

/**
 * quick: over seeds 0..99 at h = 1e-3 the median final L is 0.0109 (seeds 0..19: 0.0107), the smallest 0.0085, and
 * 93% of seeds cover every jump (seeds 0..19: all). Medians of 20 seeds drawn from those 100 fall in [0.0101, 0.0134]
 * 95% of the time, and their covering share is at least 85%: the band [0.009, 0.014] and the paper's 80% leave room
 * for that spread without admitting a run stuck like the equal-stepsize ones (L >= 0.25).
 */
const QUICK_MEDIAN: [number, number] = [0.009, 0.014];
/** full: docs/MODEL.md's range for every seed at h = 1e-5 (the floor is 0.0080). */
const FULL_RANGE: [number, number] = [0.0078, 0.0095];

function fullChecks(runs: readonly ExperimentRun[]): Check[] {
  const losses = runs.map((run) => run.finalLoss ?? NaN);
  const low = Math.min(...losses);
  const high = Math.max(...losses);
  return [
    {
      claim: 'every seed ends near the floor 0.0080',
      expected: `all in [${FULL_RANGE[0]}, ${FULL_RANGE[1]}]`,
      measured: `${runs.filter((run) => (run.finalLoss ?? NaN) >= FULL_RANGE[0] && (run.finalLoss ?? NaN) <= FULL_RANGE[1]).length}/${runs.length}, from ${formatValue(low)} to ${formatValue(high)}`,
      pass: runs.length > 0 && low >= FULL_RANGE[0] && high <= FULL_RANGE[1],
    },
    shareAtLeast('every seed covers every jump within eta/2', runs, coversEveryJump, 1),
  ];
}

export const twoTimescale: Experiment = {
  name: 'two-timescale',
  summary: 'two-timescale SGD converges over seeds: loss near the floor, every jump covered',
  paperTime: 'about 4 hours a seed at h = 1e-5',
  sweep: (tier) => ({ base: configs[tier], seeds: firstSeeds(PAPER_REPEATS) }),
  checks(runs, tier) {
    if (tier === 'full') return fullChecks(runs);
    return [
      withinRange('median final loss about 0.011 (h = 1e-3)', medianFinalLoss(runs), ...QUICK_MEDIAN),
      shareAtLeast('most seeds cover every jump within eta/2', runs, coversEveryJump, 0.8),
    ];
  },
};
