/**
 * The full-batch experiments of docs/MODEL.md section 5 (2-D, 10-D, ReLU): standard GD (lr 1 on both layers, 300 epochs)
 * against two-timescale GD (lr_u = 0.01, 5000 epochs) on the presets' sweeps, compared by the median final criterion
 * ||pred - y||_2 / n. The tiers differ only in the seeds.
 */
import { formatValue, medianFinalLoss, runsWith, withinSpread, type Spread } from '../checks';
import { boxFigureOption } from '../figures';
import type { Check, Experiment, ExperimentRun, Figure, Tier } from '../types';
import { firstSeeds, presetSweep } from './base';

export const STANDARD = 'standard';
export const TWO_TIMESCALE = 'two-timescale';

/** The paper's median of one variant, and the spread of the median of each tier's seeds (checks.ts, `Spread`). */
export interface MedianBand {
  paper: number;
  spread: Record<Tier, Spread>;
}

export interface FullBatchSetup {
  name: string;
  summary: string;
  /** The sweep preset holding both variants (seeds 0..19). */
  preset: string;
  seeds: Record<Tier, number>;
  standard: MedianBand;
  twoTimescale: MedianBand;
  /** Checks of this setup beyond the medians (the 2-D one looks at the target lines). */
  extraChecks?: (runs: readonly ExperimentRun[]) => Check[];
  extraFigures?: (runs: readonly ExperimentRun[]) => Figure[];
}

/** The two medians within the bands of their spreads, and two-timescale below standard. */
function medianChecks(setup: FullBatchSetup, runs: readonly ExperimentRun[], tier: Tier): Check[] {
  const standard = medianFinalLoss(runsWith(runs, 'variant', STANDARD));
  const twoTimescale = medianFinalLoss(runsWith(runs, 'variant', TWO_TIMESCALE));
  return [
    withinSpread(
      `median criterion of two-timescale GD about ${setup.twoTimescale.paper}`,
      twoTimescale,
      setup.twoTimescale.paper,
      setup.twoTimescale.spread[tier],
    ),
    withinSpread(
      `median criterion of standard GD about ${setup.standard.paper}`,
      standard,
      setup.standard.paper,
      setup.standard.spread[tier],
    ),
    {
      claim: 'two-timescale GD ends lower than standard GD',
      expected: 'median two-timescale < median standard',
      measured: `${formatValue(twoTimescale)} vs ${formatValue(standard)}`,
      pass: twoTimescale < standard,
    },
  ];
}

export function fullBatchExperiment(setup: FullBatchSetup): Experiment {
  const sweep = presetSweep(setup.preset);
  return {
    name: setup.name,
    summary: setup.summary,
    paperTime: null,
    sweep: (tier) => ({
      base: sweep.base,
      variants: sweep.variants,
      axes: sweep.axes,
      seeds: firstSeeds(setup.seeds[tier]),
    }),
    checks: (runs, tier) => [...medianChecks(setup, runs, tier), ...(setup.extraChecks?.(runs) ?? [])],
    figures: (runs) => [
      {
        file: `${setup.name}-criterion.png`,
        caption: `${setup.name}: final criterion of standard and two-timescale GD over seeds, the paper's medians as diamonds`,
        option: boxFigureOption(
          `${setup.name}: final criterion over seeds`,
          'variant',
          'criterion ‖pred − y‖₂ / n (log scale)',
          [
            {
              label: STANDARD,
              losses: runsWith(runs, 'variant', STANDARD).map((run) => run.finalLoss ?? NaN),
              paperMedian: setup.standard.paper,
            },
            {
              label: TWO_TIMESCALE,
              losses: runsWith(runs, 'variant', TWO_TIMESCALE).map((run) => run.finalLoss ?? NaN),
              paperMedian: setup.twoTimescale.paper,
            },
          ],
        ),
      },
      ...(setup.extraFigures?.(runs) ?? []),
    ],
  };
}
