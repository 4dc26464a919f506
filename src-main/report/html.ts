/**
 * The interactive HTML report: one self-contained file (ECharts inlined, the charts' data embedded as JSON, no request
 * to any network) with the configuration, the outcome, the provenance and every chart of the report, interactive.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RunDetail } from '#shared/api/contract';
import { formatNumber } from '#shared/base/format';
import type { ChartOption } from '#shared/charts/frame';
import type { ReportContext, ReportData } from './data';
import { REPORT_CLIENT_SCRIPT } from './htmlClient';
import { reportCharts, type NamedChartOptions } from './namedCharts';
import { escapeXml } from './page';
import { reportTitle } from './reportPdf';
import { madeBy } from './runReport';
import { configPairs, coveredText, summaryPairs } from './summary';

let echartsSource: string | undefined;

/** ECharts' browser build, read once from the installed package. */
function echartsScript(): string {
  echartsSource ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
  return echartsSource;
}

/** Significant digits kept of every number of the embedded data (more than any chart or tooltip shows). */
const DIGITS = 7;

const round = (value: number) => (Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(DIGITS)) : value);

/** A flat typed array of rows `width` numbers wide (series data with `dimensions`) as rows; NaN (a gap) as null. */
function rows(flat: ArrayLike<number>, width: number): Array<Array<number | null>> {
  const out: Array<Array<number | null>> = [];
  for (let k = 0; k + width <= flat.length; k += width)
    out.push(Array.from({ length: width }, (_, c) => (Number.isNaN(flat[k + c]) ? null : round(flat[k + c]))));
  return out;
}

/**
 * The option as JSON: series data given as flat typed arrays as rows of their dimensions, numbers to DIGITS
 * significant digits; functions cannot travel, so an axis label formatter becomes "@number" (the page formats numbers
 * the same way) and any other function is left out (ECharts' default, e.g. its own tooltip).
 */
export function optionJson(option: ChartOption): string {
  return JSON.stringify(option, function replacer(this: unknown, key, value: unknown) {
    // Axis label formatters format numbers; a tooltip's (its holder has a trigger) gives way to ECharts' own.
    if (typeof value === 'function')
      return key === 'formatter' && !Object.hasOwn(this as object, 'trigger') ? '@number' : undefined;
    if (ArrayBuffer.isView(value)) {
      const dimensions = (this as { dimensions?: unknown[] }).dimensions;
      return key === 'data'
        ? rows(value as unknown as ArrayLike<number>, dimensions?.length ?? 2)
        : Array.from(value as unknown as ArrayLike<number>, round);
    }
    if (typeof value === 'number') return round(value);
    return value;
  });
}

/** Text safe inside a <script> element: no "</script" or "<!--" can end or change it. */
const scriptSafe = (text: string) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

function table(rows: ReadonlyArray<readonly string[]>, head?: readonly string[]): string {
  const cells = (row: readonly string[], tag: 'td' | 'th') =>
    `<tr>${row.map((cell) => `<${tag}>${escapeXml(cell)}</${tag}>`).join('')}</tr>`;
  return `<table>${head ? `<thead>${cells(head, 'th')}</thead>` : ''}<tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`;
}

/** The provenance of a run as [field, value] pairs; every field "unknown" for a run stored before it was recorded. */
function provenancePairs(run: RunDetail): Array<[string, string]> {
  const shown = (value: unknown) => (value === null || value === undefined || value === '' ? 'unknown' : String(value));
  const p = run.provenance ?? null;
  return [
    ['app version', shown(p?.appVersion)],
    ['commit', p?.gitCommit ? `${p.gitCommit}${p.gitDirty ? ' (uncommitted changes)' : ''}` : 'unknown'],
    ['engine build', shown(p?.engineBuildId)],
    ['generator', shown(p?.generator)],
    ['runtime', p ? [`Node ${p.node}`, p.electron && `Electron ${p.electron}`].filter(Boolean).join(', ') : 'unknown'],
    ['machine', p ? `${p.os} ${p.arch}, ${p.cpuModel}` : 'unknown'],
    ['resumed', p ? String(p.resumes.length) : 'unknown'],
  ];
}

function runSections(run: RunDetail): string {
  const sections = [
    `<section><h2>Configuration</h2>${table(configPairs(run.config))}</section>`,
    `<section><h2>Outcome</h2>${table(summaryPairs(run))}</section>`,
    `<section><h2>Provenance</h2>${table(provenancePairs(run))}</section>`,
  ];
  return `<div class="tables">${sections.join('')}</div>`;
}

function runsSection(runs: readonly RunDetail[]): string {
  const rows = runs.map((run) => {
    const p = provenancePairs(run);
    return [run.name, run.id, run.status, formatNumber(run.finalLoss), coveredText(run), p[0][1], p[2][1]];
  });
  return `<h2>Runs</h2>${table(rows, ['name', 'id', 'status', 'final loss', 'covered', 'app version', 'engine build'])}`;
}

function subtitle(data: ReportData): string {
  if (data.kind === 'run')
    return `run ${data.runs[0].detail.id} · ${data.runs[0].detail.config.trainer} trainer · created ${data.runs[0].detail.createdAt}`;
  if (data.kind === 'sweep')
    return `sweep ${data.sweep.id} · ${data.runs.length} runs · ${data.sweep.spec.seeds.length} seeds per point`;
  return data.runs.map((run) => run.detail.name).join(' · ');
}

const STYLE = `
body{font-family:"DejaVu Sans",system-ui,sans-serif;color:#1f2329;margin:0 auto;max-width:1100px;padding:24px;line-height:1.45}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d4da;padding-bottom:4px}
.muted{color:#5c6370;font-size:13px;margin:2px 0}
.tables{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:0 40px}
table{border-collapse:collapse;font-size:13px;margin:4px 0}td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}
th{border-bottom:1px solid #d0d4da}tbody tr:nth-child(odd){background:#f5f6f8}
.chart{width:100%;height:420px;margin:12px 0 4px}
.note{font-size:12px;color:#5c6370;margin:0 0 12px}
`;

/** The report as one HTML document. */
export function reportHtml(data: ReportData, context: ReportContext, options: NamedChartOptions = {}): string {
  const charts = Object.entries(reportCharts(data, options)).map(([name, option]) => ({ name, option }));
  const title = reportTitle(data);
  const details =
    data.kind === 'run' ? runSections(data.runs[0].detail) : runsSection(data.runs.map((run) => run.detail));
  const chartDivs = charts
    .map(
      (chart, i) =>
        `<div class="chart" id="chart-${i}" data-chart="${escapeXml(chart.name)}" role="img" aria-label="${escapeXml(chart.name)} chart"></div>`,
    )
    .join('');
  const embedded = `{"charts":[${charts.map((chart) => `{"name":${JSON.stringify(chart.name)},"option":${optionJson(chart.option)}}`).join(',')}]}`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    // Nothing may be fetched: scripts and styles are inline, images only data: URLs (the toolbox's PNG download).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">',
    `<title>${escapeXml(title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeXml(title)}</h1><p class="muted">${escapeXml(subtitle(data))}</p><p class="muted">${escapeXml(madeBy(context))}</p></header>`,
    details,
    `<h2>Charts</h2><p class="note">Hover for values, scroll or drag a box (toolbox, top right) to zoom, click a legend entry to hide its series.</p>`,
    chartDivs,
    `<script>${scriptSafe(echartsScript())}</script>`,
    `<script type="application/json" id="report-data">${embedded.replace(/</g, '\\u003c')}</script>`,
    `<script>${REPORT_CLIENT_SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}
