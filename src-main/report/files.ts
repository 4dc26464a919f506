/** The files of a report folder, built in memory before anything is written: image, CSVs and re-creatable config. */
import { parseOrThrow, runConfigSchema, sweepSpecSchema } from '#shared/config/schema';
import { metricsCsv, neuronsCsv, type CsvOptions } from './csv';
import type { ReportContext, ReportData } from './data';
import { pageSvgFile, reportPagePng, reportSvg, type ReportPngOptions } from './image';
import { runsCsv } from './runsCsv';

export const REPORT_FILES = [
  'report.png',
  'report.svg',
  'metrics.csv',
  'neurons.csv',
  'runs.csv',
  'config.json',
  'provenance.json',
] as const;
export type ReportFileName = (typeof REPORT_FILES)[number];

/**
 * config.json: what re-creates the runs. One run: its configuration (`ttlab run --config config.json`); several runs:
 * an array of configurations; a sweep: its specification. Each is validated with the schema before it is written.
 */
export function reportConfig(data: ReportData): unknown {
  if (data.kind === 'sweep') return parseOrThrow(sweepSpecSchema, data.sweep.spec, 'sweep');
  const configs = data.runs.map((run, i) => parseOrThrow(runConfigSchema, run.detail.config, `runs.${i}.config`));
  return data.kind === 'run' ? configs[0] : configs;
}

/**
 * provenance.json: the build and machine behind each run (null: stored before provenance was recorded). A file of its
 * own, so that config.json stays exactly what `ttlab run --config` takes.
 */
export function reportProvenance(data: ReportData): unknown {
  const traced = data.runs.map(({ detail }) => ({
    runId: detail.id,
    name: detail.name,
    provenance: detail.provenance,
  }));
  return data.kind === 'run' ? traced[0] : traced;
}

export function reportFiles(
  data: ReportData,
  context: ReportContext,
  options: ReportPngOptions & CsvOptions = {},
): Record<ReportFileName, Uint8Array> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const page = reportSvg(data, context, options);
  return {
    'report.png': reportPagePng(page, options),
    'report.svg': encode(pageSvgFile(page)),
    'metrics.csv': encode(metricsCsv(data.runs, options)),
    'neurons.csv': encode(neuronsCsv(data.runs, options)),
    'runs.csv': encode(
      runsCsv(
        data.runs.map((run) => run.detail),
        options,
      ),
    ),
    'config.json': encode(`${JSON.stringify(reportConfig(data), null, 2)}\n`),
    'provenance.json': encode(`${JSON.stringify(reportProvenance(data), null, 2)}\n`),
  };
}
