/**
 * The three clocks a comparison can run on: trainer step k, slow time tau = k h epsilon, and fast time t = k h
 * (the time of the outer layer, docs/MODEL.md section 2).
 */
import type { RunConfig } from '../config/schema';
import type { CheckpointSeries } from '../run/series';
import { timeAxis, type ChartOption } from './frame';

export type Clock = 'step' | 'tau' | 't';

export const clockNames: Record<Clock, string> = {
  step: 'trainer step k',
  tau: 'slow time τ = k·h·ε',
  t: 'fast time t = k·h',
};

/**
 * Time of each checkpoint on `clock`. Fast time is tau / epsilon, which is k h for SGD; for the ODE trainers it is the
 * fast time the same slow time takes at the configuration's epsilon, and for full-batch runs epochs times the outer rate.
 */
export function clockValues(series: CheckpointSeries, config: RunConfig, clock: Clock): Float64Array {
  if (clock === 'step') return series.step;
  if (clock === 'tau') return series.tau;
  const scale = config.trainer === 'full-batch' ? config.fullBatch.lrA : 1 / config.sgd.epsilon;
  const source = config.trainer === 'full-batch' ? series.step : series.tau;
  const t = new Float64Array(series.count);
  for (let i = 0; i < series.count; i++) t[i] = source[i] * scale;
  return t;
}

/** The horizontal axis for `clock`, spanning the data. */
export function clockAxis(clock: Clock, logX = false) {
  return { ...timeAxis({ logX }), name: clockNames[clock] };
}

/** A chart over time (drawn on the series' tau column) relabelled for `clock`: its series read `time` as tau. */
export function onClock(series: CheckpointSeries, config: RunConfig, clock: Clock): CheckpointSeries {
  return clock === 'tau' ? series : { ...series, tau: clockValues(series, config, clock) };
}

/** Renames the x axis of an option drawn from onClock(...). */
export function withClockAxis(option: ChartOption, clock: Clock): ChartOption {
  return { ...option, xAxis: { ...(option.xAxis as object), name: clockNames[clock] } } as ChartOption;
}
