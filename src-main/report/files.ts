/** The files of a report folder, built in memory before anything is written: image, CSVs and re-creatable config. */
import { parseOrThrow, runConfigSchema, sweepSpecSchema } from '../../src-shared/config/schema';
import { metricsCsv, neuronsCsv } from './csv';
import type { ReportContext, ReportData } from './data';
import { pagePng, reportSvg, type ReportPngOptions } from './image';
import { runsCsv } from './runsCsv';

export const REPORT_FILES = ['report.png', 'report.svg', 'metrics.csv', 'neurons.csv', 'runs.csv', 'config.json'] as const;
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

export function reportFiles(data: ReportData, context: ReportContext, options: ReportPngOptions = {}): Record<ReportFileName, Uint8Array> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const page = reportSvg(data, context);
  return {
    'report.png': pagePng(page.svg, options),
    'report.svg': encode(page.svg),
    'metrics.csv': encode(metricsCsv(data.runs)),
    'neurons.csv': encode(neuronsCsv(data.runs)),
    'runs.csv': encode(runsCsv(data.runs.map((run) => run.detail))),
    'config.json': encode(`${JSON.stringify(reportConfig(data), null, 2)}\n`),
  };
}
