/**
 * The report of a sweep: final loss by parameter value, probability of convergence with the runs behind each point,
 * a phase heat map over the first two axes, and a table of every grid point.
 */
import type { RunDetail, SweepSummary } from '#shared/api/contract';
import { convergenceCount, CONVERGENCE_FACTOR, hasConvergenceRule, isDecided } from '#shared/analysis/convergence';
import { boxStats, sortedFinite } from '#shared/analysis/stats';
import type { SweepChartInput } from '#shared/analysis/sweepDashboard';
import { groupRuns, levelsLabel, sweepFactors, type SweepFactor } from '#shared/analysis/sweepGroups';
import { formatNumber } from '#shared/base/format';
import type { ChartOption } from '#shared/charts/frame';
import {
  convergenceOption,
  phaseHeatmapOption,
  POINTS_BELOW,
  sweepBoxOption,
  type SweepBox,
} from '#shared/charts/sweep';
import type { ReportContext, ReportRun } from './data';
import { chartBlock, chartGridBlock, headingBlock, noteBlock, sectionBlock, type Block } from './page';
import { forPrint } from './print';
import { madeBy } from './runReport';
import { tableBlock } from './table';

/** The factor on the x axis (first axis, else the variant) and the ones that split lines. */
function split(factors: readonly SweepFactor[]): { x: SweepFactor; lines: SweepFactor[] } {
  const x = factors.find((factor) => factor.name !== 'variant') ??
    factors[0] ?? { name: 'all runs', levels: ['all seeds'] };
  return { x, lines: factors.filter((factor) => factor !== x) };
}

/** One value per line and x level, computed from the runs of that grid point. */
function chartInput<T>(
  sweep: SweepSummary,
  runs: RunDetail[],
  value: (runs: RunDetail[]) => T | null,
): SweepChartInput<T> {
  const { x, lines } = split(sweepFactors(sweep.spec));
  const factors = x.name === 'all runs' ? lines : [...lines, x];
  const groups = groupRuns(sweep.spec, runs, factors);
  const lineCombos = groupRuns(sweep.spec, [], lines).map((group) => group.levels);
  return {
    xName: x.name,
    xLevels: x.levels,
    subtitle: `${sweep.spec.seeds.length} seed${sweep.spec.seeds.length > 1 ? 's' : ''} per point`,
    lines: lineCombos.map((levels) => ({
      name: levels.length ? levelsLabel(lines, levels) : 'all runs',
      values: x.levels.map((level) => {
        const group = groups.find(
          (g) => JSON.stringify(g.levels) === JSON.stringify(x.name === 'all runs' ? levels : [...levels, level]),
        );
        return group ? value(group.runs) : null;
      }),
    })),
  };
}

const finalLosses = (runs: RunDetail[]) => runs.filter(isDecided).map((run) => run.finalLoss ?? NaN);

/** The box of the finished runs' final losses, with the values for the points drawn over it. */
const lossBox = (runs: RunDetail[]): SweepBox => ({
  ...boxStats(finalLosses(runs)),
  values: sortedFinite(finalLosses(runs)),
});

/** The sweep's charts by name (--chart): final losses, and with a convergence rule P(converged) and the phase maps. */
export function sweepCharts(
  sweep: SweepSummary,
  runs: RunDetail[],
): { 'final-loss': ChartOption; convergence?: ChartOption; phase?: ChartOption[] } {
  const rule = runs.length > 0 && runs.every(hasConvergenceRule);
  const phase = rule ? phaseOptions(sweep, runs) : [];
  return {
    'final-loss': sweepBoxOption(chartInput(sweep, runs, lossBox)),
    ...(rule ? { convergence: convergenceOption(chartInput(sweep, runs, convergenceCount)) } : {}),
    ...(phase.length ? { phase } : {}),
  };
}

function phaseBlocks(sweep: SweepSummary, runs: RunDetail[]): Block[] {
  const options = phaseOptions(sweep, runs).map((option) => forPrint(option));
  return options.length ? [chartGridBlock(options, options.length > 1 ? 2 : 1, 420)] : [];
}

/** One phase heat map over the first two axes per combination of the other factors; none with fewer than two axes. */
function phaseOptions(sweep: SweepSummary, runs: RunDetail[]): ChartOption[] {
  const axes = sweepFactors(sweep.spec).filter((factor) => factor.name !== 'variant');
  if (axes.length < 2) return [];
  const [xAxis, yAxis] = axes;
  const panels = sweepFactors(sweep.spec).filter((factor) => factor.name !== xAxis.name && factor.name !== yAxis.name);
  return groupRuns(sweep.spec, runs, panels).map((panel) => {
    const cells = groupRuns(sweep.spec, panel.runs, [xAxis, yAxis]).map((cell) => ({
      x: cell.levels[0],
      y: cell.levels[1],
      ...convergenceCount(cell.runs),
    }));
    const title = panel.levels.length ? `Phase diagram: ${levelsLabel(panels, panel.levels)}` : 'Phase diagram';
    return phaseHeatmapOption({
      title,
      xName: xAxis.name,
      yName: yAxis.name,
      xLevels: xAxis.levels,
      yLevels: yAxis.levels,
      cells,
    });
  });
}

function pointTable(sweep: SweepSummary, runs: RunDetail[], rule: boolean): Block {
  const factors = sweepFactors(sweep.spec);
  const end = 'end' as const;
  return tableBlock({
    columns: [
      ...factors.map((factor) => ({ title: factor.name })),
      { title: 'runs', align: end },
      { title: 'finished', align: end },
      { title: 'converged', align: end },
      { title: 'median final L', align: end },
      { title: 'quartiles q1 – q3', align: end },
    ],
    rows: groupRuns(sweep.spec, runs, factors).map((group) => {
      const count = convergenceCount(group.runs);
      const box = boxStats(finalLosses(group.runs));
      return [
        ...group.levels,
        String(group.runs.length),
        String(count.decided),
        rule ? `${count.converged}/${count.decided}` : '—',
        formatNumber(box.median),
        box.n ? `${formatNumber(box.q1)} – ${formatNumber(box.q3)}` : '—',
      ];
    }),
  });
}

function describeSpec(sweep: SweepSummary): string {
  const { spec } = sweep;
  const parts = spec.axes.map((axis) => `${axis.path} ∈ {${axis.values.join(', ')}}`);
  if (spec.variants.length) parts.unshift(`variants: ${spec.variants.map((variant) => variant.label).join(', ')}`);
  parts.push(`${spec.seeds.length} seeds`, `base trainer ${spec.base.trainer}`);
  return parts.join(' · ');
}

export function sweepReportBlocks(
  sweep: SweepSummary,
  reportRuns: readonly ReportRun[],
  context: ReportContext,
): Block[] {
  const runs = reportRuns.map((run) => run.detail);
  const rule = runs.length > 0 && runs.every(hasConvergenceRule);
  const finished = runs.filter(isDecided).length;
  const charts = sweepCharts(sweep, runs);
  return [
    headingBlock(`Sweep report: ${sweep.name}`, [
      `sweep ${sweep.id} · created ${sweep.createdAt} · ${runs.length} runs, ${finished} finished`,
      describeSpec(sweep),
      madeBy(context),
    ]),
    chartBlock(forPrint(charts['final-loss']), 400),
    noteBlock(
      `Boxes: quartiles with the median; whiskers: smallest and largest final loss of the finished runs (done, diverged or failed); under ${POINTS_BELOW} runs a box, each run is a point. n: finished runs behind each box.`,
      12,
    ),
    ...(charts.convergence
      ? [
          chartBlock(forPrint(charts.convergence), 360),
          noteBlock(
            `Converged: done, every jump holds a neuron within η/2, and final loss ≤ ${CONVERGENCE_FACTOR} × floor η·ΣΔ²/28. Labels: converged / finished runs; bars: Wilson score 95 % intervals.`,
            12,
          ),
        ]
      : [
          noteBlock(
            'Probability of convergence: not defined for these runs (the rule needs 1-D smoothed-step networks with target jumps).',
          ),
        ]),
    ...(rule ? phaseBlocks(sweep, runs) : []),
    sectionBlock('Grid points'),
    pointTable(sweep, runs, rule),
  ];
}
