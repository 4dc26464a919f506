/** The report of several runs: overlaid losses named by what differs, the differing configuration, final fits. */
import { differingFields, fieldText, flattenConfig, runLabels } from '#shared/analysis/configFields';
import { comparisonLossOption } from '#shared/charts/comparison';
import { fieldLabel } from '#shared/config/fieldLabels';
import { fitChartOption } from '#shared/charts/fit';
import { formatNumber } from '#shared/base/format';
import type { ChartOption } from '#shared/charts/frame';
import type { ReportContext, ReportRun } from './data';
import {
  chartBlock,
  chartGrid,
  chartGridBlock,
  headingBlock,
  noteBlock,
  sectionBlock,
  SCREEN_PAGE,
  wrapText,
  type Block,
  type PageStyle,
} from './page';
import { forPrint } from './print';
import { reportTextMeasure } from './render';
import { madeBy } from './runReport';
import { coveredText } from './summary';
import { tableBlock } from './table';

/** Widest legend text on the right of the loss chart, in px; longer labels wrap. */
const LEGEND_TEXT_WIDTH = 300;
const LEGEND_SIZE = 12;
/** Height of a subtitle line of the small multiples (forPrint sets lineHeight 16). */
const SUBTITLE_LINE = 16;

/** The loss overlay with its legend as a column on the right, wide enough for the longest label (up to a limit). */
function lossOverlay(runs: readonly ReportRun[], labels: readonly string[]): ChartOption {
  const option = forPrint(
    comparisonLossOption(runs.map((run, i) => ({ label: labels[i], series: run.series, config: run.detail.config }))),
  );
  const measure = reportTextMeasure();
  const text = Math.min(LEGEND_TEXT_WIDTH, Math.max(...labels.map((label) => measure.width(label, LEGEND_SIZE))));
  const grid = option.grid as Record<string, unknown>;
  return {
    ...option,
    grid: { ...grid, right: Math.ceil(text) + 56 },
    legend: {
      type: 'plain',
      orient: 'vertical',
      right: 8,
      top: grid.top as number,
      itemGap: 8,
      textStyle: { fontSize: LEGEND_SIZE, width: LEGEND_TEXT_WIDTH, overflow: 'break', lineHeight: 15 },
    },
  };
}

function differenceTable(runs: readonly ReportRun[]): Block {
  const configs = runs.map((run) => run.detail.config);
  const paths = differingFields(configs);
  const end = 'end' as const;
  return tableBlock({
    columns: [
      { title: 'run' },
      ...paths.map((path) => ({ title: fieldLabel(path), align: end })),
      { title: 'status' },
      { title: 'final loss', align: end },
      { title: 'covered', align: end },
    ],
    rows: runs.map(({ detail }) => {
      const fields = flattenConfig(detail.config);
      return [
        detail.name,
        ...paths.map((path) => fieldText(fields.get(path))),
        detail.status,
        formatNumber(detail.finalLoss),
        coveredText(detail),
      ];
    }),
  });
}

/** Columns of the small multiples: three a row, fewer when there are fewer runs. */
const fitColumns = (count: number) => Math.min(3, count);

export function comparisonReportBlocks(
  runs: readonly ReportRun[],
  context: ReportContext,
  style: PageStyle = SCREEN_PAGE,
): Block[] {
  const labels = runLabels(
    runs.map((run) => run.detail.config),
    runs.map((run) => run.detail.name),
  );
  const columns = fitColumns(runs.length);
  const cellWidth = chartGrid(columns, 0, style.width - 2 * style.margin, style).cell;
  // A figure's subtitle is set one point under its font size, as wide as the figure less 16 pt (forFigure).
  const [subtitleWidth, subtitleSize] = style.figure
    ? [cellWidth - 16, style.figure.fontSize - 1]
    : [cellWidth - 24, 12];
  const subtitles = runs.map((run, i) => [
    ...(labels[i] === run.detail.name ? [] : wrapText(labels[i], subtitleWidth, subtitleSize)),
    `final L = ${formatNumber(run.detail.finalLoss)}, covered ${coveredText(run.detail)}`,
  ]);
  // Every plot of the grid starts below the tallest subtitle, so the rows line up.
  const subtitleLines = Math.max(...subtitles.map((lines) => lines.length));
  const fits = runs.map((run, i) => {
    const option = forPrint(fitChartOption(run.series, run.detail.config, run.series.count - 1), {
      title: run.detail.name,
      subtext: subtitles[i].join('\n'),
      titleWidth: cellWidth - 24,
      legend: false,
    });
    return { ...option, grid: { ...(option.grid as object), top: 46 + SUBTITLE_LINE * subtitleLines } };
  });
  return [
    headingBlock(`Comparison of ${runs.length} runs`, [
      runs.map((run) => run.detail.name).join(' · '),
      madeBy(context),
    ]),
    // At a figure size the legend goes above the plot, as in the loss chart exported alone: a column would leave no plot.
    chartBlock(
      style.figure
        ? forPrint(
            comparisonLossOption(
              runs.map((run, i) => ({ label: labels[i], series: run.series, config: run.detail.config })),
            ),
          )
        : lossOverlay(runs, labels),
      440,
    ),
    sectionBlock('What differs'),
    differenceTable(runs),
    sectionBlock('Final fits'),
    noteBlock(
      'Dashed grey: the target f*(x); blue: the learned f(x) at the last checkpoint; triangles: neuron positions u_j.',
      12,
    ),
    chartGridBlock(fits, columns, 260 + SUBTITLE_LINE * subtitleLines),
  ];
}
