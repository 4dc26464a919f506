/**
 * Figs 3-4 replayed bit for bit: the paper-two-timescale preset (seed 42, numpy's generator, h = 1e-5, epsilon = 2e-5,
 * 175,000,000 steps) with the authors' limit integrated beside it. Both tiers run it whole: about 15 s on an idle core.
 */
import { withinRange, formatValue, coversEveryJump } from '../checks';
import { runFigures } from '../figures';
import { presetConfig } from './base';
import type { Check, Experiment, ExperimentRun } from '../types';

const config = presetConfig('paper-two-timescale');

/**
 * Evaluation at which the limit's L0 first reaches exactly 0. The authors evaluate before the update at steps
 * 0, n/100, ..., n (101 evaluations) and integrate the limit with 1000 Euler steps, 10 per evaluation; the last flank
 * (the jump at 0.65) lands on its jump during Euler step 805 (804.1 steps of travel), so L0 = 0 first at evaluation
 * index 81 counting from 0, the one at step 81 n/100. docs/MODEL.md's "the 81st of the 101 evaluations" counts the same
 * evaluation by its step k n/100 (the evaluation at step 0 being the zeroth), not by its 1-based position (82nd).
 */
export const LIMIT_ZERO_INDEX = 81;

/**
 * Evaluations before this one hold the fast layer's transient (a starts at 0, L at 10.6) and the limit's three quick
 * early arrivals (at 0.2, 0.35 and 0.8 by tau = 0.0035), which SGD follows about one evaluation late: |L - L0| reaches
 * 0.1 there.
 */
const SETTLED_FROM = 10;
/**
 * Largest gap |L - L0| allowed from then on. L0 has no eta floor, so the gap is at least the floor 0.0080; the replay's
 * gap is 0.0213 at evaluation 10 (the end of the early arrivals), 0.0185 at evaluation 80 (the last arrival, at 0.65)
 * and 0.008-0.011 elsewhere.
 */
const TRACKING_GAP = 0.025;

/** Largest |L - L0| over the settled evaluations, NaN when no limit ran beside. */
export function trackingGap(run: ExperimentRun): number {
  if (!run.limitLoss || run.limitLoss.length <= SETTLED_FROM) return NaN;
  let gap = 0;
  for (let i = SETTLED_FROM; i < run.limitLoss.length; i++) gap = Math.max(gap, Math.abs(run.loss[i] - run.limitLoss[i]));
  return gap;
}

/** Index of the first evaluation with L0 exactly 0, or -1 (never, or no limit beside). */
export function firstZeroIndex(limitLoss: Float64Array | null): number {
  return limitLoss ? limitLoss.findIndex((value) => value === 0) : -1;
}

/** Every jump within eta/2 of a neuron, measured as the farthest nearest-neuron distance in units of eta. */
export function everyJumpCovered(run: ExperimentRun): Check {
  const farthest = Math.max(...run.coverage.map((entry) => entry.distanceInEta));
  const covered = run.coverage.filter((entry) => entry.covered).length;
  return {
    claim: 'every jump has a neuron within eta/2',
    expected: `${run.coverage.length}/${run.coverage.length} jumps, each <= 0.5 eta`,
    measured: `${covered}/${run.coverage.length}, farthest ${formatValue(farthest)} eta`,
    pass: coversEveryJump(run),
  };
}

export const replayTwoTimescale: Experiment = {
  name: 'replay-two-timescale',
  summary: 'Figs 3-4: two-timescale SGD (seed 42) converges to the global optimum and tracks the limit',
  paperTime: 'about 4 hours',
  sweep: () => ({ base: config, seeds: [config.seed] }),
  checks(runs) {
    const [run] = runs;
    if (!run) return [];
    const zeroAt = firstZeroIndex(run.limitLoss);
    return [
      // The floor eta sum(Delta^2)/28 is 0.0080; the authors' Fig 3 ends just above it. The range is docs/MODEL.md's.
      withinRange('SGD final loss near the floor 0.0080', run.finalLoss ?? NaN, 0.0078, 0.0095),
      everyJumpCovered(run),
      {
        claim: `SGD tracks the limit: largest |L - L0| from evaluation ${SETTLED_FROM} on`,
        expected: `<= ${TRACKING_GAP}`,
        measured: formatValue(trackingGap(run)),
        pass: trackingGap(run) <= TRACKING_GAP,
      },
      {
        claim: 'the limit L0 first reaches 0 at evaluation (0-based)',
        expected: String(LIMIT_ZERO_INDEX),
        measured: zeroAt < 0 ? (run.limitLoss ? 'never' : 'no limit beside') : String(zeroAt),
        pass: zeroAt === LIMIT_ZERO_INDEX,
      },
    ];
  },
  figures: (runs, series) => (runs[0] ? runFigures('fig3-4-two-timescale', 'Figs 3-4, two-timescale (seed 42)', runs[0], series(runs[0])) : []),
};
