/**
 * The three full-batch experiments with their tolerances. Medians measured over seeds 0..39 here, and the spread of
 * medians of 10 seeds drawn from those 40 (2.5% and 97.5% quantiles of 2000 draws), set each band.
 */
import { coverage } from '../../../src-shared/math/coverage';
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
    uncovered += coverage(lineTarget, run.finalU.subarray(k * m, (k + 1) * m), eta).filter((entry) => !entry.covered).length;
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
 * 2-D: over seeds 0..39, median criterion 0.0039 two-timescale (10-seed medians in [0.0034, 0.0042]) and 0.0139
 * standard ([0.0121, 0.0150]). Every standard seed leaves 3 to 6 of the 6 target lines without a unit within eta/2;
 * 85% of two-timescale seeds cover all 6 (10 seeds: at most 5 of 10 failing has probability about 1%).
 */
export const twoDimensional = fullBatchExperiment({
  name: '2d',
  summary: 'Fig 6: 2-D additive steps, two-timescale GD beats standard GD, which leaves target lines uncovered',
  preset: 'paper-2d',
  seeds: { quick: 10, full: 20 },
  twoTimescale: { paper: 0.004, low: 0.003, high: 0.005 },
  standard: { paper: 0.014, low: 0.01, high: 0.018 },
  extraChecks: (runs) => [
    shareAtLeast('standard GD leaves a target line uncovered', runsWith(runs, 'variant', STANDARD), (run) => !coversEveryLine(run), 0.8),
    shareAtLeast('two-timescale GD puts a unit on every target line', runsWith(runs, 'variant', TWO_TIMESCALE), coversEveryLine, 0.6),
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
 * 10-D: a two-timescale run takes about 20 s on an idle core (n = 10,000 points, 5000 epochs), so quick runs 3 seeds
 * and full the paper's 20. Over seeds 0..9 the medians are 0.0055 two-timescale (runs 0.0017 to 0.0075) and 0.0128
 * standard (0.0105 to 0.0148); medians of any 3 of those seeds lie in [0.0035, 0.0070] and [0.0107, 0.0140]. Every
 * two-timescale run ends below every standard one.
 */
export const tenDimensional = fullBatchExperiment({
  name: '10d',
  summary: '10-D additive steps: two-timescale GD beats standard GD',
  preset: 'paper-10d',
  seeds: { quick: 3, full: 20 },
  twoTimescale: { paper: 0.005, low: 0.003, high: 0.008 },
  standard: { paper: 0.013, low: 0.009, high: 0.016 },
});

/**
 * ReLU: over seeds 0..39, median criterion 0.00044 two-timescale (10-seed medians in [0.00036, 0.00055]; the paper's
 * 0.00037 sits at the low end) and 0.00153 standard ([0.00145, 0.00161]); two-timescale ends lower on every seed.
 */
export const relu = fullBatchExperiment({
  name: 'relu',
  summary: 'ReLU teacher and student: two-timescale GD beats standard GD',
  preset: 'paper-relu',
  seeds: { quick: 10, full: 20 },
  twoTimescale: { paper: 0.00037, low: 0.00025, high: 0.0007 },
  standard: { paper: 0.0015, low: 0.0011, high: 0.002 },
});
