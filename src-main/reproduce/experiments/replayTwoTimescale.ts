/**
 * Figs 3-4 replayed bit for bit: the paper-two-timescale preset (seed 42, numpy's generator, h = 1e-5, epsilon = 2e-5,
 * 175,000,000 steps) with the authors' limit integrated beside it. Both tiers run it whole: about 15 s on an idle core.
 */
import { atMostSpread, coversEveryJump, formatValue, withinSpread, type Spread } from '../checks';
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
 * Spreads of this configuration over seeds 0..39 (h = 1e-5, 175,000,000 steps each; bench/tolerances.ts), which the
 * replayed seed stands for. 37 of the 40 seeds cover every jump and end between 0.00792 and 0.00876; seeds 26 and 28
 * end stuck near 0.1 and seed 34 at 0.025, a jump uncovered each. "Near the floor" is said of a run that converged, which
 * the coverage check beside it decides, so its spread is that of the 37.
 */
export const CONVERGED_FINAL_LOSS: Spread = { low: 0.00792, high: 0.00876, seeds: 37 };
/**
 * The largest gap |L - L0| from evaluation SETTLED_FROM on, over the 14 of those seeds whose limit is defined: from
 * 0.0107 to 0.159 (median 0.051). L0 has no eta floor, so the gap is at least the floor 0.0080, and a flank that lands
 * on its jump just before an evaluation drops L0 there while SGD shows the drop one evaluation later: that lag makes the
 * large gaps. The replay's gap is 0.0213, at evaluation 10 (the end of the early arrivals).
 */
export const TRACKING_GAP: Spread = { low: 0.0107, high: 0.159, seeds: 14 };

/** Largest |L - L0| over the settled evaluations, NaN when no limit ran beside. */
export function trackingGap(run: ExperimentRun): number {
  if (!run.limitLoss || run.limitLoss.length <= SETTLED_FROM) return NaN;
  let gap = 0;
  for (let i = SETTLED_FROM; i < run.limitLoss.length; i++)
    gap = Math.max(gap, Math.abs(run.loss[i] - run.limitLoss[i]));
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
      // The floor eta sum(Delta^2)/28 is 0.0080; the authors' Fig 3 ends just above it.
      withinSpread('SGD final loss near the floor 0.0080', run.finalLoss ?? NaN, 0.008, CONVERGED_FINAL_LOSS),
      everyJumpCovered(run),
      atMostSpread(
        `SGD tracks the limit: largest |L - L0| from evaluation ${SETTLED_FROM} on`,
        trackingGap(run),
        TRACKING_GAP,
      ),
      {
        claim: 'the limit L0 first reaches 0 at evaluation (0-based)',
        expected: String(LIMIT_ZERO_INDEX),
        measured: zeroAt < 0 ? (run.limitLoss ? 'never' : 'no limit beside') : String(zeroAt),
        pass: zeroAt === LIMIT_ZERO_INDEX,
      },
    ];
  },
  figures: (runs, series) =>
    runs[0] ? runFigures('fig3-4-two-timescale', 'Figs 3-4, two-timescale (seed 42)', runs[0], series(runs[0])) : [],
};
