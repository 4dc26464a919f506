/**
 * The figure outputs of `ttlab export`: the report page (at --size laid out for a paper's column) or one chart
 * (--chart NAME, at --size) as PNG, SVG or vector PDF, and the interactive HTML report. Flags are checked before
 * anything is loaded; the chart name once the report's kind is known.
 */
import { bandKinds, type BandKind } from '#shared/analysis/intervals';
import { DEFAULT_FIGURE, figureSizeSchema, parseFigureSize, type FigureSize } from '#shared/charts/figureSize';
import type { ReportContext, ReportData } from '../report/data';
import { figurePdf, figurePng, figureSvg } from '../report/figure';
import { reportHtml } from '../report/html';
import { pageSvgFile, reportPng, reportSvg } from '../report/image';
import { ChartNameError, chartNames, namedChart } from '../report/namedCharts';
import { reportPdf } from '../report/reportPdf';
import { UsageError } from '#shared/base/errors';

/** What the figure flags asked for. */
export interface FigureRequest {
  /** chart: one chart alone instead of the report page. */
  chart?: string;
  /** size: --size; a chart without it is drawn at DEFAULT_FIGURE (the NeurIPS column), a report page as on screen. */
  size?: FigureSize;
  /** band: the seed band of a comparison's seed-bands chart. */
  band?: BandKind;
}

export type FigureFormat = 'png' | 'svg' | 'pdf' | 'html';

const allChartNames = [...new Set(Object.values(chartNames).flat())] as string[];

/** Checks --chart, --size and --band against each other and the outputs asked for; UsageError naming the flag. */
export function parseFigureFlags(
  values: { chart?: string; size?: string; band?: string },
  outputs: readonly string[],
): FigureRequest {
  if (values.chart !== undefined && !allChartNames.includes(values.chart))
    throw new UsageError(`--chart: "${values.chart}" is not a chart; use one of ${allChartNames.join(', ')}`);
  if (values.chart !== undefined && outputs.some((output) => output === 'dir' || output === 'html'))
    throw new UsageError('--chart: writes one chart with --png, --svg or --pdf, not a report (--dir, --html)');
  if (values.size !== undefined && !outputs.some((output) => ['png', 'svg', 'pdf', 'dir'].includes(output)))
    throw new UsageError(
      '--size: sizes a chart or report page written with --png, --svg, --pdf or --dir (the HTML report and the CSV have no size)',
    );
  if (values.band !== undefined && !(bandKinds as readonly string[]).includes(values.band))
    throw new UsageError(`--band: use one of ${bandKinds.join(', ')}`);
  let size: FigureSize | undefined;
  if (values.size !== undefined) {
    const parsed = figureSizeSchema.safeParse(values.size);
    if (!parsed.success) throw new UsageError(`--size: ${parsed.error.issues[0].message}`);
    size = parsed.data;
  }
  return { chart: values.chart, size, band: values.band as BandKind | undefined };
}

/** The bytes of one output: the chart alone when --chart was given, else the report page or the HTML report. */
export async function figureBytes(
  format: FigureFormat,
  data: ReportData,
  context: ReportContext,
  request: FigureRequest,
): Promise<Uint8Array | string> {
  if (format === 'html') return reportHtml(data, context, { band: request.band });
  if (request.chart === undefined) {
    const page = { size: request.size };
    if (format === 'png') return reportPng(data, context, page);
    if (format === 'svg') return pageSvgFile(reportSvg(data, context, page));
    return reportPdf(data, context, page);
  }
  let option;
  try {
    option = namedChart(data, request.chart, { band: request.band });
  } catch (error) {
    if (error instanceof ChartNameError) throw new UsageError(`--chart: ${error.message}`);
    throw error;
  }
  const size = request.size ?? parseFigureSize(DEFAULT_FIGURE);
  if (format === 'png') return figurePng(option, size);
  if (format === 'svg') return figureSvg(option, size);
  return figurePdf(option, size, {
    title: request.chart,
    creator: `Two-Timescale Lab ${context.version}`,
    createdAt: context.exportedAt,
  });
}
