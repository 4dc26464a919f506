/** The learned function of full-batch runs: each coordinate's share of an additive network, or the ReLU student, drawn exactly. */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '#shared/base/format';
import { fitChartOption } from '#shared/charts/fit';
import { MAX_COORDINATES } from '#shared/charts/fitFullBatch';
import type { ChartOption } from '#shared/charts/frame';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '#shared/config/schema';
import { relu, sigma } from '#shared/math/activation';
import { createRunSession } from '#shared/run/session';
import { checkpointAt, packCheckpoints } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import { readBack, type ItemParams } from './echarts';
import { flatSeriesPoints } from './series';

type Loose = Record<string, unknown> & {
  data?: unknown;
  name?: string;
  tooltip?: { formatter: (params: ItemParams) => string };
};
const seriesOf = (option: ChartOption) => option.series as Loose[];

/** A short full-batch run of the paper's setup (section 5), trained for real, and its configuration. */
function trained(fullBatch: RunConfigInput['fullBatch'], epochs = 40) {
  const config: RunConfig = parseRunConfig({
    trainer: 'full-batch',
    network: { m: 10, eta: 0.01, weights: { kind: 'uniform', scale: 3 } },
    fullBatch: { n: 300, lrA: 1, lrU: 1, epochs, ...fullBatch },
    checkpoints: { kind: 'even', count: 5 },
    rng: 'fast',
    seed: 4,
  });
  const checkpoints: RunCheckpoint[] = [];
  const session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
  while (session.advance(1000));
  return { config, series: packCheckpoints('run', checkpoints) };
}

describe('fitChartOption for full-batch runs', () => {
  it('draws each coordinate of the additive network exactly, against its share of the target, with every unit', () => {
    const { config, series } = trained({ problem: 'additive', d: 2 });
    const option = fitChartOption(series, config, 3);
    const [target, first, second, units] = seriesOf(option);
    expect(seriesOf(option)).toHaveLength(4);
    expect(target.data).toEqual([
      [0, 0],
      [0.3, 0],
      [0.3, 1],
      [0.5, 1],
      [0.5, 2],
      [0.7, 2],
      [0.7, 3],
      [1, 3],
    ]);
    const { a, u, step } = checkpointAt(series, 3);
    const { m, eta } = config.network;
    [first, second].forEach((line, k) => {
      expect(line.name).toBe(`g_${k + 1}`);
      const points = flatSeriesPoints(line.data);
      expect(points.length).toBeGreaterThan(600);
      for (const [x, y] of points) {
        let g = 0;
        for (let j = 0; j < m; j++) g += a[k * m + j] * sigma((x - u[k * m + j]) / eta);
        expect(Math.abs(y - g)).toBeLessThan(1e-12);
      }
    });
    const { params, svg } = readBack(option);
    expect(params[3]).toHaveLength(2 * m);
    params[3].forEach((p, i) => {
      expect([p.value[0], p.value[2]]).toEqual([u[i], a[i]]);
      const name = `${Math.floor(i / m) + 1},${(i % m) + 1}`;
      expect(units.tooltip!.formatter(p)).toBe(`u_${name} = ${formatNumber(u[i])}, a_${name} = ${formatNumber(a[i])}`);
    });
    expect(svg).toContain('Learned function');
    expect(svg).toContain(`checkpoint 4/5: epoch ${step}`);
    expect(svg).toContain('g_k: the share learned for coordinate k, 2 coordinates');
    expect(svg).not.toContain('drawn for 1-D');
  });

  it('draws the ReLU student exactly against the teacher', () => {
    const { config, series } = trained({ problem: 'relu', d: 1, lrU: 0.01 });
    const option = fitChartOption(series, config, 99);
    const [teacher, learned, units] = seriesOf(option);
    expect(teacher.name).toBe('teacher');
    expect(teacher.data).toEqual(
      [
        [0, 0],
        [0.3, 0],
        [0.5, 0.2],
        [0.7, 0],
        [1, 0.6],
      ].map(([x, y]) => [x, expect.closeTo(y, 12)]),
    );
    const { a, u } = checkpointAt(series, 4);
    const points = flatSeriesPoints(learned.data);
    for (const [x, y] of points) {
      const f = a.reduce((sum, weight, j) => sum + weight * relu(x - u[j]), 0);
      expect(Math.abs(y - f)).toBeLessThan(1e-12);
    }
    for (const position of u) if (position > 0 && position < 1) expect(points.some(([x]) => x === position)).toBe(true);
    expect(readBack(option).params[2]).toHaveLength(config.network.m);
    expect(units.tooltip!.formatter(readBack(option).params[2][0])).toBe(
      `u_1 = ${formatNumber(u[0])}, a_1 = ${formatNumber(a[0])}`,
    );
    expect(option.title).toMatchObject({ subtext: expect.stringContaining('checkpoint 5/5') });
  });

  it(`draws the first ${MAX_COORDINATES} coordinates of a wider problem and says so`, () => {
    const { config, series } = trained({ problem: 'additive', d: 12 }, 3);
    const option = fitChartOption(series, config, 1);
    expect(seriesOf(option).filter((line) => String(line.id).startsWith('learned-'))).toHaveLength(MAX_COORDINATES);
    expect(readBack(option).params.at(-1)).toHaveLength(MAX_COORDINATES * config.network.m);
    expect(option.title).toMatchObject({ subtext: expect.stringContaining(`coordinates 1-${MAX_COORDINATES} of 12`) });
    const empty = packCheckpoints('run', []);
    expect(fitChartOption(empty, config, 0).title).toMatchObject({ subtext: 'no checkpoint yet' });
  });
});
