/** The report of one run: heading, configuration, summary, loss, neuron trajectories, final fit and jump coverage. */
import { fitChartOption } from '#shared/charts/fit';
import { formatNumber } from '#shared/base/format';
import { lossChartOption } from '#shared/charts/loss';
import { neuronsChartOption } from '#shared/charts/parameters';
import type { RunDetail } from '#shared/api/contract';
import type { ReportContext, ReportRun } from './data';
import { chartBlock, headingBlock, noteBlock, sectionBlock, type Block } from './page';
import { forPrint } from './print';
import { configPairs, convergenceNote, summaryPairs } from './summary';
import { keyValueBlock, tableBlock } from './table';

const CHART_HEIGHT = 380;

/** The footer line every report heading carries. */
export function madeBy(context: ReportContext): string {
  return `Two-Timescale Lab ${context.version} · exported ${context.exportedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** Where the run's numbers came from, in one line. */
export function provenanceLine({ provenance: p }: RunDetail): string {
  if (!p) return 'computed by: unknown (stored before the lab recorded provenance)';
  const commit = p.gitCommit
    ? ` · commit ${p.gitCommit.slice(0, 12)}${p.gitDirty ? ' (uncommitted changes)' : ''}`
    : '';
  const resumed = p.resumes.length > 0 ? ` · resumed ${p.resumes.length}×` : '';
  return `computed by: Two-Timescale Lab ${p.appVersion}${commit} · engine ${p.engineBuildId} · ${p.generator === 'numpy' ? 'numpy MT19937' : 'xoshiro256+'} · Node ${p.node}${p.electron ? ` · Electron ${p.electron}` : ''} · ${p.hostname} (${p.os}, ${p.arch}, ${p.cpuModel})${resumed}`;
}

function coverageBlocks({ detail }: ReportRun): Block[] {
  if (detail.coverage.length === 0) return [noteBlock('No jump coverage: the run has no 1-D target or no checkpoint.')];
  const { values } = detail.config.target;
  const rows = detail.coverage.map((entry, i) => [
    String(i + 1),
    formatNumber(entry.position),
    formatNumber(values[i + 1]),
    entry.nearestNeuron < 0 ? '—' : `u_${entry.nearestNeuron + 1}`,
    formatNumber(entry.distanceInEta, 3),
    entry.covered ? 'yes' : 'no',
  ]);
  const end = 'end' as const;
  return [
    tableBlock({
      columns: [
        { title: 'jump i', align: end },
        { title: 'position v_i', align: end },
        { title: 'size Δ_i', align: end },
        { title: 'nearest neuron' },
        { title: '|u_j − v_i| / η', align: end },
        { title: 'covered (≤ η/2)' },
      ],
      rows,
    }),
  ];
}

const noteBlocks = (note: string | null): Block[] => (note === null ? [] : [noteBlock(note, 12)]);

export function runReportBlocks(run: ReportRun, context: ReportContext): Block[] {
  const { detail, series } = run;
  const finished = detail.finishedAt ? ` · finished ${detail.finishedAt}` : '';
  return [
    headingBlock(`Run report: ${detail.name}`, [
      `run ${detail.id} · ${detail.config.trainer} trainer · created ${detail.createdAt}${finished}`,
      madeBy(context),
      provenanceLine(detail),
    ]),
    sectionBlock('Configuration'),
    keyValueBlock(configPairs(detail.config), 3),
    sectionBlock('Outcome'),
    keyValueBlock(summaryPairs(detail), 2),
    ...noteBlocks(convergenceNote(detail)),
    ...(series.count === 0 ? [noteBlock('No checkpoint was recorded: there is nothing to plot.')] : chartBlocks(run)),
    sectionBlock('Jump coverage at the last checkpoint'),
    ...coverageBlocks(run),
  ];
}

function chartBlocks({ detail, series }: ReportRun): Block[] {
  return [
    chartBlock(forPrint(lossChartOption(series, detail.config)), CHART_HEIGHT),
    chartBlock(forPrint(neuronsChartOption(series, detail.config)), CHART_HEIGHT),
    chartBlock(forPrint(fitChartOption(series, detail.config, series.count - 1)), CHART_HEIGHT),
  ];
}
