/** Each experiment's checks on hand-made runs: a run set that shows the paper's claim passes, each departure fails. */
import { describe, expect, it } from 'vitest';
import { twoDimensional, relu } from '../../src-main/reproduce/experiments/fullBatchSetups';
import { replaySameStepsizes } from '../../src-main/reproduce/experiments/replaySameStepsizes';
import {
  CONVERGED_FINAL_LOSS,
  LIMIT_ZERO_INDEX,
  replayTwoTimescale,
  TRACKING_GAP,
} from '../../src-main/reproduce/experiments/replayTwoTimescale';
import { sameStepsizes } from '../../src-main/reproduce/experiments/sameStepsizes';
import { twoTimescale } from '../../src-main/reproduce/experiments/twoTimescale';
import { varyingEpsilon } from '../../src-main/reproduce/experiments/varyingEpsilon';
import { acceptedBand, atMostSpread, ONE_SIDED_MARGIN, withinSpread } from '../../src-main/reproduce/checks';
import { checkRows } from '../../src-main/reproduce/runner';
import type { Check, Experiment, ExperimentRun, Tier } from '../../src-main/reproduce/types';
import { presetBase, sgdRun, syntheticRun } from './synthetic';

const passes = (checks: Check[]) => checks.map((check) => check.pass);
const failing = (checks: Check[]) => checks.filter((check) => !check.pass).map((check) => check.claim);
const checksOf = (experiment: Experiment, runs: ExperimentRun[], tier: Tier = 'quick') => experiment.checks(runs, tier);

/** L0 positive until evaluation `zeroAt`, exactly 0 from there on (101 evaluations). */
const limitCurve = (zeroAt: number) =>
  Float64Array.from({ length: 101 }, (_, i) => (i < zeroAt ? 0.1 * (1 - i / 101) : 0));
/** SGD's loss: the limit plus the floor and `lag`, ending at `finalLoss`; 10.6 at evaluation 0 like a = 0. */
const sgdCurve = (limit: Float64Array, finalLoss: number, lag = 0.005) =>
  limit.map((value, i) => (i === 0 ? 10.6 : i === limit.length - 1 ? finalLoss : value + 0.008 + lag));

describe('replay-two-timescale', () => {
  const config = presetBase('paper-two-timescale');
  const run = (finalLoss: number, zeroAt: number, uncovered?: number, lag?: number) => {
    const limitLoss = limitCurve(zeroAt);
    return { ...sgdRun(config, finalLoss, uncovered), limitLoss, loss: sgdCurve(limitLoss, finalLoss, lag) };
  };

  it('passes near the floor, every jump covered, tracking the limit, L0 first 0 at evaluation 81', () => {
    const checks = checksOf(replayTwoTimescale, [run(0.008, LIMIT_ZERO_INDEX)]);
    expect(passes(checks)).toEqual([true, true, true, true]);
    expect(checks[2].measured).toBe('0.013');
    expect(checks[3].measured).toBe('81');
  });

  it('fails when SGD lags the limit by more than the largest gap measured over seeds and half again', () => {
    const allowed = TRACKING_GAP.high * ONE_SIDED_MARGIN;
    expect(passes(checksOf(replayTwoTimescale, [run(0.008, 81, undefined, allowed - 0.01)]))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(failing(checksOf(replayTwoTimescale, [run(0.008, 81, undefined, allowed)]))).toEqual([
      'SGD tracks the limit: largest |L - L0| from evaluation 10 on',
    ]);
  });

  it('fails on a loss off the band of converged seeds, an uncovered jump, or L0 reaching 0 at another evaluation', () => {
    const [low, high] = acceptedBand(CONVERGED_FINAL_LOSS);
    expect(failing(checksOf(replayTwoTimescale, [run(high * 1.01, 81)]))).toEqual([
      'SGD final loss near the floor 0.0080',
    ]);
    expect(failing(checksOf(replayTwoTimescale, [run(low * 0.99, 81)]))).toEqual([
      'SGD final loss near the floor 0.0080',
    ]);
    expect(failing(checksOf(replayTwoTimescale, [run(0.008, 81, 3)]))).toEqual([
      'every jump has a neuron within eta/2',
    ]);
    const early = checksOf(replayTwoTimescale, [run(0.008, 80)]);
    expect(failing(early)).toHaveLength(1);
    expect(early[3].measured).toBe('80');
    const never = checksOf(replayTwoTimescale, [{ ...run(0.008, 81), limitLoss: null }]);
    expect(never[3]).toMatchObject({ measured: 'no limit beside', pass: false });
  });
});

describe('replay-same-stepsizes', () => {
  const config = presetBase('paper-same-stepsizes');

  it('passes when the jump at 0.5 is left uncovered with the loss stuck', () => {
    expect(passes(checksOf(replaySameStepsizes, [sgdRun(config, 0.48, 2)]))).toEqual([true, true]);
  });

  it('fails when another jump is the uncovered one, or the loss reached the floor', () => {
    expect(failing(checksOf(replaySameStepsizes, [sgdRun(config, 0.48, 1)]))).toEqual([
      'the jump at 0.5 is left uncovered',
    ]);
    expect(failing(checksOf(replaySameStepsizes, [sgdRun(config, 0.009, 2)]))).toEqual([
      'final loss stuck far above the floor',
    ]);
  });
});

describe('two-timescale over seeds', () => {
  const quick = presetBase('paper-two-timescale-quick');
  const full = presetBase('paper-two-timescale');
  /** n runs with losses spread around `center`, the first `stuck` of them leaving jump 0 uncovered. */
  const seeds = (config: typeof quick, n: number, center: number, stuck = 0) =>
    Array.from({ length: n }, (_, i) =>
      sgdRun(config, center * (0.9 + (0.2 * i) / n), i < stuck ? 0 : undefined, { seed: i }),
    );

  it('quick: passes with median 0.011 and 80% covering, fails below 80% or with a high median', () => {
    expect(passes(checksOf(twoTimescale, seeds(quick, 20, 0.011, 4)))).toEqual([true, true]);
    expect(failing(checksOf(twoTimescale, seeds(quick, 20, 0.011, 5)))).toEqual([
      'most seeds cover every jump within eta/2',
    ]);
    expect(failing(checksOf(twoTimescale, seeds(quick, 20, 0.02)))).toEqual([
      'median final loss about 0.011 (h = 1e-3)',
    ]);
  });

  it('full: passes with the median near the floor and two seeds stuck, fails on a median 5% off or too many stuck', () => {
    // 20 seeds: `stuck` of them near 0.1 with jump 0 uncovered, the others converged at `loss`.
    const runs = (loss: number, stuck: number) =>
      Array.from({ length: 20 }, (_, i) =>
        i < stuck ? sgdRun(full, 0.1, 0, { seed: i }) : sgdRun(full, loss, undefined, { seed: i }),
      );
    expect(passes(checksOf(twoTimescale, runs(0.00805, 2), 'full'))).toEqual([true, true]);
    expect(failing(checksOf(twoTimescale, runs(0.00805 * 1.05, 2), 'full'))).toEqual([
      'median final loss near the floor 0.0080 (h = 1e-5)',
    ]);
    expect(failing(checksOf(twoTimescale, runs(0.00805, 5), 'full'))).toEqual([
      'most seeds cover every jump within eta/2',
    ]);
  });
});

describe('same-stepsizes over seeds', () => {
  const config = presetBase('paper-same-stepsizes');
  const seeds = (n: number, loss: number, covering: number) =>
    Array.from({ length: n }, (_, i) => sgdRun(config, loss, i < covering ? undefined : i % 5));

  it('passes with median 0.46 and most seeds leaving a jump uncovered', () => {
    expect(passes(checksOf(sameStepsizes, seeds(10, 0.46, 2)))).toEqual([true, true]);
  });

  it('fails when too many seeds cover every jump, or the median leaves its band', () => {
    expect(failing(checksOf(sameStepsizes, seeds(10, 0.46, 3)))).toEqual(['most seeds leave a jump uncovered']);
    expect(failing(checksOf(sameStepsizes, seeds(10, 0.1, 0)))).toEqual(['median final loss about 0.46']);
  });
});

describe('varying-epsilon', () => {
  const config = presetBase('paper-varying-epsilon');
  const seeds = (medians: number[]) =>
    [0.01, 0.1, 1].flatMap((epsilon, level) =>
      [0.8, 1, 1.2].map((factor, seed) =>
        syntheticRun({ config, finalLoss: medians[level] * factor, params: { 'sgd.epsilon': epsilon, seed } }),
      ),
    );

  it("passes at the paper's medians", () => {
    expect(passes(checksOf(varyingEpsilon, seeds([0.0099, 0.023, 0.67])))).toEqual([true, true, true, true]);
  });

  it('fails when a median leaves its band or the order breaks', () => {
    const swapped = checksOf(varyingEpsilon, seeds([0.023, 0.0099, 0.67]));
    expect(failing(swapped)).toContain('the median final loss increases with epsilon');
    expect(swapped[3].measured).toBe('0.023, 0.0099, 0.67');
  });
});

describe('full-batch experiments', () => {
  const config = presetBase('paper-2d');
  /** Final positions of a 2-D run: coordinate-major, every target line covered unless `miss`, the rest spread out. */
  const positions = (miss: boolean) => {
    const u = Float64Array.from({ length: 20 }, (_, i) => 0.05 + 0.04 * (i % 10));
    [0.3, 0.5, 0.7].forEach((line, i) => {
      u[i] = miss && i === 1 ? line + 0.02 : line + 0.001;
      u[10 + i] = line - 0.001;
    });
    return u;
  };
  const runs = (standardLoss: number, twoTimescaleLoss: number, standardMisses = true) =>
    Array.from({ length: 10 }, (_, seed) => [
      syntheticRun({
        config,
        finalLoss: standardLoss,
        finalU: positions(standardMisses),
        params: { variant: 'standard', seed },
      }),
      syntheticRun({
        config,
        finalLoss: twoTimescaleLoss,
        finalU: positions(false),
        params: { variant: 'two-timescale', seed },
      }),
    ]).flat();

  it("2-D passes at the paper's medians with standard GD missing a target line", () => {
    expect(passes(checksOf(twoDimensional, runs(0.014, 0.004)))).toEqual([true, true, true, true, true]);
  });

  it('2-D fails when standard GD covers every line, or ends lower than two-timescale', () => {
    expect(failing(checksOf(twoDimensional, runs(0.014, 0.004, false)))).toEqual([
      'standard GD leaves a target line uncovered',
    ]);
    const inverted = failing(checksOf(twoDimensional, runs(0.004, 0.014)));
    expect(inverted).toContain('two-timescale GD ends lower than standard GD');
  });

  it("ReLU checks the paper's medians only", () => {
    const reluConfig = presetBase('paper-relu');
    const reluRuns = ['standard', 'two-timescale'].map((variant, i) =>
      syntheticRun({ config: reluConfig, finalLoss: [0.0015, 0.0004][i], params: { variant, seed: 0 } }),
    );
    expect(passes(checksOf(relu, reluRuns))).toEqual([true, true, true]);
  });
});

describe('every run finishes', () => {
  it('comes first in every table and fails on a run that did not end done', () => {
    const config = presetBase('paper-same-stepsizes');
    const runs = [
      sgdRun(config, 0.48, 2),
      { ...sgdRun(config, 0.48, 2), status: 'diverged' as const, params: { seed: 3 } },
    ];
    const rows = checkRows(sameStepsizes, runs, 'quick');
    expect(rows[0]).toMatchObject({
      experiment: 'same-stepsizes',
      claim: 'every run finishes',
      measured: '1/2 done; seed 3 diverged',
      pass: false,
    });
    expect(checkRows(sameStepsizes, runs.slice(0, 1), 'quick')[0].pass).toBe(true);
  });
});

describe('tolerances from spreads over seeds', () => {
  it('accept the spread widened by half its width at each end on a log scale, and say so in the expected column', () => {
    const spread = { low: 0.02, high: 0.08, seeds: 40 };
    expect(acceptedBand(spread).map((x) => Number(x.toPrecision(12)))).toEqual([0.01, 0.16]);
    const check = withinSpread('median about 0.04', 0.159, 0.04, spread);
    expect(check).toEqual({
      claim: 'median about 0.04',
      expected: '0.04, accepted [0.01, 0.16] (spread over 40 seeds)',
      measured: '0.159',
      pass: true,
    });
    expect(withinSpread('median about 0.04', 0.0099, 0.04, spread).pass).toBe(false);
    expect(withinSpread('median about 0.04', 0.161, 0.04, spread).pass).toBe(false);
    // One-sided: the largest gap measured (0.08) and half as much again, not the band's far wider upper end.
    expect(atMostSpread('gap', 0.12, spread)).toMatchObject({
      expected: 'accepted <= 0.12 (spread over 40 seeds)',
      pass: true,
    });
    expect(atMostSpread('gap', 0.121, spread).pass).toBe(false);
  });
});
