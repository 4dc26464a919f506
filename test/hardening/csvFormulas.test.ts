/**
 * Names a spreadsheet would run as formulas. The CSV stays lossless by default; the spreadsheet-safe
 * option prefixes such text cells with a quote and leaves numbers, negative ones included, as they are.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { metricsCsv, neuronsCsv } from '../../src-main/report/csv';
import { runsCsv } from '../../src-main/report/runsCsv';
import type { ReportRun } from '../../src-main/report/data';
import type { RunDetail } from '#shared/api/contract';
import { paperConfig, syntheticSeries } from '../charts/series';

const formulas = [
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
];

function run(name: string): ReportRun {
  const series = syntheticSeries({ m: 2, count: 2 });
  series.a[1] = -0.25;
  const detail = {
    id: 'run-1',
    name,
    status: 'done',
    config: paperConfig(),
    tags: [],
    starred: false,
    sweepId: null,
    error: null,
    limitNote: null,
    coverage: [],
  } as unknown as RunDetail;
  return { detail, series };
}

const cells = (text: string) => parse(text) as string[][];

describe('CSV and spreadsheets', () => {
  it.each(formulas)('keeps the name %s exactly by default', (name) => {
    expect(cells(metricsCsv([run(name)]))[1][1]).toBe(name);
    expect(cells(runsCsv([run(name).detail]))[1][1]).toBe(name);
  });

  it.each(formulas)('prefixes the name %s with a quote in the spreadsheet-safe variant', (name) => {
    expect(cells(metricsCsv([run(name)], { spreadsheetSafe: true }))[1][1]).toBe(`'${name}`);
    expect(cells(runsCsv([run(name).detail], { spreadsheetSafe: true }))[1][1]).toBe(`'${name}`);
  });

  it('leaves numbers alone in the spreadsheet-safe variant, negative ones included', () => {
    const plain = neuronsCsv([run('plain')]);
    expect(neuronsCsv([run('plain')], { spreadsheetSafe: true })).toBe(plain);
    expect(cells(plain).some((row) => row[5] === '-0.25')).toBe(true);
  });
});
