/** The loss axis reaches down to the announced floor, even while the loss is far above it. */
import { describe, expect, it } from 'vitest';
import { axisMinWithFloor, lossChartOption } from '#shared/charts/loss';
import { lossFloor } from '#shared/math/target';
import { paperConfig, syntheticSeries } from './series';

describe('the loss axis and the floor', () => {
  it('extends a log axis below a floor that lies under the data, and leaves it alone otherwise', () => {
    expect(axisMinWithFloor(0.5, 0.008, true)).toBeLessThan(0.008);
    expect(axisMinWithFloor(0.5, 0.008, true)).toBeGreaterThan(0);
    expect(axisMinWithFloor(0.001, 0.008, true)).toBe(0.001);
    expect(axisMinWithFloor(0.5, 0.1, false)).toBeLessThan(0.1);
  });

  it('gives the loss chart an axis minimum at or below the floor of the run', () => {
    const config = paperConfig();
    const option = lossChartOption(syntheticSeries({ m: config.network.m, count: 50 }), config);
    const axis = option.yAxis as { min: (extent: { min: number; max: number }) => number };
    const floor = lossFloor(config.target, config.network.eta);
    expect(axis.min({ min: 10 * floor, max: 1 })).toBeLessThan(floor);
  });

  it('has no floor to reach for a full-batch run', () => {
    const config = paperConfig({ trainer: 'full-batch' });
    const option = lossChartOption(syntheticSeries({ m: config.network.m, count: 50 }), config);
    expect((option.yAxis as { min?: unknown }).min).toBeUndefined();
  });
});
