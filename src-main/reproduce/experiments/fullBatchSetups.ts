/**
 * The three full-batch experiments with their tolerances: each median's band comes from the spread of the median of the
 * tier's seeds, measured by bench/tolerances.ts over seeds 0..39 (checks.ts, `Spread` and `acceptedBand`).
 */
import { coverage } from '#shared/math/coverage';
import { runsWith, shareAtLeast } from '../checks';
import { planeFigureOption } from '../figures';
import type { ExperimentRun } from '../types';
import { fullBatchExperiment, STANDARD, TWO_TIMESCALE } from './fullBatch';

/** The target lines of each coordinate: f*(x) = sum_k ([x_k > .3] + [x_k > .5] + [x_k > .7]). */
const TARGET_LINES = [0.3, 0.5, 0.7];
const lineTarget = { positions: TARGET_LINES, values: [0, 1, 1, 1] };

/** Number of target lines, over every coordinate, without a unit within eta/2 at the end of a run. */
export function uncoveredLines(run: ExperimentRun): number {
  const { m, eta } = run.config.network;
  let uncovered = 0;
  for (let k = 0; k < run.finalU.length / m; k++) {
    uncovered += coverage(lineTarget, run.finalU.subarray(k * m, (k + 1) * m), eta).filter(
      (entry) => !entry.covered,
    ).length;
  }
  return uncovered;
}

const coversEveryLine = (run: ExperimentRun) => uncoveredLines(run) === 0;

/** A panel's title: the variant and how many of the 2 d target lines hold no unit. */
function panelLabel(run: ExperimentRun): string {
  const lines = (TARGET_LINES.length * run.finalU.length) / run.config.network.m;
  const uncovered = uncoveredLines(run);
  return `${String(run.params.variant)}: ${uncovered === 0 ? `all ${lines} target lines covered` : `${uncovered} of ${lines} target lines uncovered`}`;
}

/**
 * 2-D, over seeds 0..39: median criterion 0.00389 two-timescale (runs 0.00262 to 0.0134) and 0.0139 standard (0.00816
 * to 0.0194); 95% of the medians of 10 seeds drawn from those fall in the spreads below (quick), of 20 seeds in the full
 * ones. No standard seed covers all 6 target lines; 34 of the 40 two-timescale seeds do (95% of draws of 10 seeds: 6
 * to 10 of 10, so the 60% claimed holds).
 */
export const twoDimensional = fullBatchExperiment({
  name: '2d',
  summary: 'Fig 6: 2-D additive steps, two-timescale GD beats standard GD, which leaves target lines uncovered',
  preset: 'paper-2d',
  seeds: { quick: 10, full: 20 },
  twoTimescale: {
    paper: 0.004,
    spread: { quick: { low: 0.00331, high: 0.00432, seeds: 40 }, full: { low: 0.00342, high: 0.00419, seeds: 40 } },
  },
  standard: {
    paper: 0.014,
    spread: { quick: { low: 0.0117, high: 0.0152, seeds: 40 }, full: { low: 0.0126, high: 0.0149, seeds: 40 } },
  },
  extraChecks: (runs) => [
    shareAtLeast(
      'standard GD leaves a target line uncovered',
      runsWith(runs, 'variant', STANDARD),
      (run) => !coversEveryLine(run),
      0.8,
    ),
    shareAtLeast(
      'two-timescale GD puts a unit on every target line',
      runsWith(runs, 'variant', TWO_TIMESCALE),
      coversEveryLine,
      0.6,
    ),
  ],
  extraFigures: (runs) => {
    const first = (variant: string) => runsWith(runs, 'variant', variant)[0];
    const panels = [STANDARD, TWO_TIMESCALE].map(first).filter((run): run is ExperimentRun => run !== undefined);
    if (panels.length === 0) return [];
    const seed = String(panels[0].params.seed);
    return [
      {
        file: 'fig6-2d-neurons.png',
        caption: `Fig 6: final positions u_jk of the 2-D runs (seed ${seed}) against the target lines x = .3, .5, .7`,
        option: planeFigureOption(
          `Fig 6: units on the target lines (seed ${seed})`,
          'vertical lines: units of coordinate x1 at u_j1; horizontal: units of x2 at u_j2; dashed: target lines',
          panels.map((run) => ({ label: panelLabel(run), u: run.finalU, m: run.config.network.m })),
          TARGET_LINES,
        ),
        width: 1000,
        height: 560,
      },
    ];
  },
});

/**
 * 10-D: a two-timescale run takes about 6 s (n = 10,000 points, 5000 epochs), so quick runs 3 seeds and full the
 * paper's 20. Over seeds 0..39 the medians are 0.00510 two-timescale (runs 0.00155 to 0.00772: a sixth of the seeds
 * end near 0.0017, the others from 0.0026 on, so a median of 3 seeds is wide) and 0.0128 standard (0.00910 to 0.0184).
 */
export const tenDimensional = fullBatchExperiment({
  name: '10d',
  summary: '10-D additive steps: two-timescale GD beats standard GD',
  preset: 'paper-10d',
  seeds: { quick: 3, full: 20 },
  twoTimescale: {
    paper: 0.005,
    spread: { quick: { low: 0.00171, high: 0.00695, seeds: 40 }, full: { low: 0.00422, high: 0.00591, seeds: 40 } },
  },
  standard: {
    paper: 0.013,
    spread: { quick: { low: 0.0104, high: 0.0151, seeds: 40 }, full: { low: 0.0113, high: 0.0137, seeds: 40 } },
  },
});

/**
 * ReLU, over seeds 0..39: median criterion 0.000442 two-timescale (runs 0.000153 to 0.00147; the paper's 0.00037 sits
 * at the low end of the spread of medians) and 0.00153 standard (0.00108 to 0.00246).
 */
export const relu = fullBatchExperiment({
  name: 'relu',
  summary: 'ReLU teacher and student: two-timescale GD beats standard GD',
  preset: 'paper-relu',
  seeds: { quick: 10, full: 20 },
  twoTimescale: {
    paper: 0.00037,
    spread: { quick: { low: 0.000345, high: 0.000568, seeds: 40 }, full: { low: 0.000366, high: 0.000542, seeds: 40 } },
  },
  standard: {
    paper: 0.0015,
    spread: { quick: { low: 0.00145, high: 0.00163, seeds: 40 }, full: { low: 0.00146, high: 0.00159, seeds: 40 } },
  },
});
