/**
 * `npx tsx bench/tolerances.ts [NAME ...] [--pool P] [--tier quick|full] [--cache DIR]`: the spread over seeds of every
 * quantity a check of `ttlab reproduce` holds to a tolerance, at the configuration of each tier, and the band
 * src-main/reproduce/checks.ts (`acceptedBand`) derives from it. The experiments' spreads are copied from what this
 * prints.
 *
 * Each experiment's sweep runs over seeds 0..P-1 (40 by default) instead of its tier's seeds, in this process (one
 * core); the tier's own seeds run too, to show where they fall. Each run's result is cached in DIR (by default in the
 * system's temporary folder), so a second call only prints. A check of every seed, or of the one seed a replay runs
 * (which stands for any seed), is measured by the range of its quantity over the pool; a check of the median of the
 * tier's n seeds by the range holding 95% of the medians of n seeds drawn from the pool with replacement (20,000 draws,
 * a fixed generator).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, quantileSorted, sortedFinite } from '#shared/analysis/stats';
import type { RunConfig } from '#shared/config/schema';
import { sweepRuns } from '#shared/config/sweep';
import { Mt19937 } from '#shared/rng';
import { createRunSession } from '#shared/run/session';
import { acceptedBand, coversEveryJump } from '../src-main/reproduce/checks';
import { experiments } from '../src-main/reproduce/experiments';
import { uncoveredLines } from '../src-main/reproduce/experiments/fullBatchSetups';
import { trackingGap } from '../src-main/reproduce/experiments/replayTwoTimescale';
import { experimentSweep } from '../src-main/reproduce/runner';
import { tiers, type Experiment, type ExperimentRun, type Tier } from '../src-main/reproduce/types';

/** What the checks read of one run, as cached. */
interface RunValues {
  finalLoss: number | null;
  status: string;
  /** Largest |L - L0| over the settled evaluations (NaN without a defined limit beside). */
  trackingGap: number;
  coversEveryJump: boolean;
  /** Target lines without a unit, null for 1-D runs. */
  uncoveredLines: number | null;
}

const DRAWS = 20_000;

/** Runs `config` to its end in this process and reduces it to what the checks read. */
function runOnce(config: RunConfig, params: Record<string, unknown>): RunValues {
  const loss: number[] = [];
  const limitLoss: number[] = [];
  let finalU: ExperimentRun['finalU'] = new Float64Array(0);
  const session = createRunSession(config, (checkpoint) => {
    loss.push(checkpoint.loss);
    if (checkpoint.limitLoss !== null) limitLoss.push(checkpoint.limitLoss);
    finalU = checkpoint.u;
  });
  while (session.advance(10_000_000));
  const outcome = session.outcome();
  const run: ExperimentRun = {
    runId: '',
    params,
    config,
    status: outcome.status,
    finalLoss: outcome.finalLoss,
    coverage: outcome.coverage,
    loss: Float64Array.from(loss),
    limitLoss: limitLoss.length === loss.length && loss.length > 0 ? Float64Array.from(limitLoss) : null,
    finalU,
  };
  return {
    finalLoss: outcome.finalLoss,
    status: outcome.status,
    trackingGap: trackingGap(run),
    coversEveryJump: coversEveryJump(run),
    uncoveredLines: config.trainer === 'full-batch' ? uncoveredLines(run) : null,
  };
}

/** One grid point of an experiment (a variant, an epsilon, or the single configuration) and its runs by seed. */
interface Group {
  label: string;
  /** values[seed]: the run of that seed. */
  values: RunValues[];
}

/** Runs (or reads from the cache) the experiment's sweep of `tier` over `seeds`, grouped by grid point. */
function measure(experiment: Experiment, tier: Tier, seeds: readonly number[], cacheDir: string): Group[] {
  const spec = { ...experimentSweep(experiment, tier), seeds: [...seeds] };
  const groups = new Map<string, Group>();
  for (const run of sweepRuns(spec)) {
    const { seed, ...point } = run.params;
    const label =
      Object.entries(point)
        .map(([key, value]) => (key === 'variant' ? String(value) : `${key}=${value}`))
        .join(', ') || 'the configuration';
    const key = createHash('sha256').update(JSON.stringify(run.config)).digest('hex').slice(0, 20);
    const file = join(cacheDir, `${key}.json`);
    let values: RunValues;
    if (existsSync(file)) values = JSON.parse(readFileSync(file, 'utf8')) as RunValues;
    else {
      const started = performance.now();
      values = runOnce(run.config, run.params);
      writeFileSync(file, JSON.stringify(values));
      process.stderr.write(
        `${experiment.name} ${tier} ${run.label}: ${values.finalLoss} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    }
    if (!groups.has(label)) groups.set(label, { label, values: [] });
    (groups.get(label) as Group).values[Number(seed)] = values;
  }
  return [...groups.values()];
}

/** The 2.5% and 97.5% quantiles of `statistic` over draws of `n` values with replacement from `sample`. */
function drawnSpread(
  sample: readonly number[],
  n: number,
  statistic: (draw: Float64Array) => number,
): [number, number] {
  const rng = new Mt19937(12345);
  const values = new Float64Array(DRAWS);
  const draw = new Float64Array(n);
  for (let k = 0; k < DRAWS; k++) {
    for (let i = 0; i < n; i++) draw[i] = sample[Math.floor(rng.next() * sample.length)];
    values[k] = statistic(draw);
  }
  values.sort();
  return [quantileSorted(values, 0.025), quantileSorted(values, 0.975)];
}

const show = (value: number) => (Number.isFinite(value) ? value.toPrecision(3) : String(value));
const showSpread = ([low, high]: [number, number], seeds: number) => {
  const [bandLow, bandHigh] = acceptedBand({ low, high, seeds });
  return `[${show(low)}, ${show(high)}], accepted [${show(bandLow)}, ${show(bandHigh)}]`;
};

/**
 * For each grid point: the final loss over the pool (median, range, and the band a check of every seed would accept),
 * the medians of the tier's n seeds (95% range, band), what the tier's own seeds give, the tracking gap and the share
 * of runs covering every jump (or, in 2-D, every target line).
 */
function report(experiment: Experiment, tier: Tier, pool: Group[], own: Group[]): void {
  const tierSeeds = experimentSweep(experiment, tier).seeds;
  const n = tierSeeds.length;
  pool.forEach((group, g) => {
    const values = group.values.filter((value) => value !== undefined);
    const P = values.length;
    const sorted = [...sortedFinite(values.map((value) => value.finalLoss ?? NaN))];
    const failed = values.filter((value) => value.status !== 'done').length;
    const lines = [
      `final loss over ${P} seeds: median ${show(median(sorted))}, range ${showSpread([sorted[0], sorted[sorted.length - 1]], P)}`,
    ];
    if (n > 1) lines.push(`median of ${n} seeds: 95% of draws in ${showSpread(drawnSpread(sorted, n, median), P)}`);
    const ownValues = tierSeeds.map((seed) => own[g].values[seed]);
    lines.push(
      `the tier's seeds give ${show(median(ownValues.map((value) => value.finalLoss ?? NaN)))}${n > 1 ? ' (median)' : ''}`,
    );
    if (values[0].uncoveredLines === null) {
      // "Near the floor" is said of a run that converged, which the coverage check beside it decides.
      const converged = [
        ...sortedFinite(values.filter((value) => value.coversEveryJump).map((value) => value.finalLoss ?? NaN)),
      ];
      if (converged.length > 0)
        lines.push(
          `final loss of the ${converged.length} seeds covering every jump: range ${showSpread([converged[0], converged[converged.length - 1]], converged.length)}`,
        );
    }
    const gaps = [...sortedFinite(values.map((value) => value.trackingGap))];
    if (gaps.length > 0)
      lines.push(
        `tracking gap over the ${gaps.length} seeds with the limit defined: median ${show(median(gaps))}, range ${showSpread([gaps[0], gaps[gaps.length - 1]], gaps.length)}`,
      );
    // Target lines are the 2-D experiment's claim (the ReLU problem has none); jumps are every 1-D experiment's.
    const covers =
      experiment.name === '2d'
        ? (value: RunValues) => value.uncoveredLines === 0
        : values[0].uncoveredLines === null
          ? (value: RunValues) => value.coversEveryJump
          : null;
    if (covers) {
      const shares = values.map((value) => (covers(value) ? 1 : 0));
      const [low, high] = drawnSpread(shares, n, (draw) => draw.reduce((sum, x) => sum + x, 0) / n);
      lines.push(
        `every ${experiment.name === '2d' ? 'target line' : 'jump'} covered: ${shares.filter(Boolean).length}/${P}; share of ${n} seeds: 95% of draws in [${show(low)}, ${show(high)}]`,
      );
    }
    process.stdout.write(
      `${experiment.name} [${tier}] ${group.label}${failed > 0 ? ` (${failed} runs not done)` : ''}\n${lines.map((line) => `  ${line}`).join('\n')}\n`,
    );
  });
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { pool: { type: 'string' }, cache: { type: 'string' }, tier: { type: 'string' } },
});
const selected =
  positionals.length > 0 ? experiments.filter((experiment) => positionals.includes(experiment.name)) : experiments;
const cacheDir = flags.cache ?? join(tmpdir(), 'ttlab-tolerances');
mkdirSync(cacheDir, { recursive: true });
const pool = Number(flags.pool ?? 40);
/** The sweep of a tier without its name: tiers that differ in nothing are measured once. */
const sweepOf = (experiment: Experiment, tier: Tier) =>
  JSON.stringify({ ...experimentSweep(experiment, tier), name: '' });
const poolSeeds = Array.from({ length: pool }, (_, seed) => seed);
for (const experiment of selected) {
  for (const tier of tiers.filter((tier) => flags.tier === undefined || tier === flags.tier)) {
    if (tier === 'full' && flags.tier === undefined && sweepOf(experiment, tier) === sweepOf(experiment, 'quick'))
      continue;
    report(
      experiment,
      tier,
      measure(experiment, tier, poolSeeds, cacheDir),
      measure(experiment, tier, experimentSweep(experiment, tier).seeds, cacheDir),
    );
  }
}
