/** The table as text, JSON, CSV and markdown, and the figure builders rendered to images. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src-main/report/render';
import { boxFigureOption, planeFigureOption } from '../../src-main/reproduce/figures';
import { resultsCsv, resultsMarkdown } from '../../src-main/reproduce/report';
import { formatTable, tableJson } from '../../src-main/reproduce/table';
import type { Experiment, ExperimentOutcome } from '../../src-main/reproduce/types';

const experiment = (name: string): Experiment => ({
  name,
  summary: `${name} summary`,
  paperTime: 'about 4 hours',
  sweep: () => ({ base: {}, seeds: [0] }),
  checks: () => [],
});

const outcomes: ExperimentOutcome[] = [
  {
    experiment: experiment('first'),
    tier: 'quick',
    runs: [],
    wallMs: 75_000,
    rows: [
      { experiment: 'first', claim: 'a claim, with a comma', expected: 'in [1, 2]', measured: '1.5', pass: true },
      {
        experiment: 'first',
        claim: 'a | piped "quoted" claim',
        expected: '>= 80% of 10 runs',
        measured: '7/10 (70%)',
        pass: false,
      },
    ],
  },
  {
    experiment: experiment('second'),
    tier: 'quick',
    runs: [],
    wallMs: 2_000,
    rows: [{ experiment: 'second', claim: 'holds', expected: 'yes', measured: 'yes', pass: true }],
  },
];

describe('the reproduction table', () => {
  it('aligns the columns and ends with the verdict', () => {
    const lines = formatTable(outcomes, 'quick').split('\n');
    expect(lines[0]).toMatch(/^experiment\s+claim\s+expected\s+measured\s+result$/);
    expect(new Set(lines.slice(2, 5).map((line) => line.indexOf(line.includes('FAIL') ? 'FAIL' : 'pass'))).size).toBe(
      1,
    );
    expect(lines.at(-1)).toBe('1 of 3 checks FAIL (quick tier)');
    expect(formatTable(outcomes.slice(1), 'full').split('\n').at(-1)).toBe('all 1 checks pass (full tier)');
  });

  it('gives the verdict per experiment and overall as JSON', () => {
    const json = tableJson(outcomes, 'quick');
    expect(json.pass).toBe(false);
    expect(json.experiments).toEqual([
      { name: 'first', runs: 0, wallSeconds: 75, paperTime: 'about 4 hours', pass: false },
      { name: 'second', runs: 0, wallSeconds: 2, paperTime: 'about 4 hours', pass: true },
    ]);
    expect(json.checks).toHaveLength(3);
  });

  it('writes CSV that parses back to the same cells', () => {
    const rows = parse(resultsCsv(outcomes), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.experiment, row.claim, row.result])).toEqual([
      ['first', 'a claim, with a comma', 'pass'],
      ['first', 'a | piped "quoted" claim', 'FAIL'],
      ['second', 'holds', 'pass'],
    ]);
  });

  it('writes markdown with escaped pipes, the wall times beside the paper, and the figures', () => {
    const figure = { file: 'loss.png', caption: 'the loss', option: {} };
    const markdown = resultsMarkdown(outcomes, 'quick', [{ experiment: 'first', figure }]);
    expect(markdown).toContain('| first | a \\| piped "quoted" claim | >= 80% of 10 runs | 7/10 (70%) | FAIL |');
    expect(markdown).toContain('| first | first summary | 0 | 1m15s | about 4 hours |');
    expect(markdown).toContain('![the loss](loss.png)');
    expect(markdown).toMatch(/^# Reproduction .*quick tier\n\n1 of 3 checks fail\./);
  });
});

describe('figure builders', () => {
  it('draws the box plot with the paper medians and the group sizes', () => {
    const option = boxFigureOption('Varying ε', 'sgd.epsilon', 'final loss L (log scale)', [
      { label: '0.01', losses: [0.009, 0.01, 0.011], paperMedian: 0.0099 },
      { label: '1', losses: [0.5, 0.7, NaN], paperMedian: 0.67 },
    ]);
    const svg = renderChartSvg(option, { width: 800, height: 400 });
    for (const text of ['Varying ε', 'median in the paper', '0.01: 3 runs, median 0.01', '1: 2 runs, median 0.6'])
      expect(svg).toContain(text);
  });

  it('draws the 2-D panels with the neurons inside the unit square and counts those outside', () => {
    const u = Float64Array.from([0.3, 0.5, 1.4, 0.7, 0.31, -0.2]);
    const option = planeFigureOption(
      'Fig 6',
      'lines',
      [
        { label: 'standard', u, m: 3 },
        { label: 'two-timescale', u: u.map(Math.abs).map((x) => Math.min(x, 1)), m: 3 },
      ],
      [0.3, 0.5, 0.7],
    );
    const svg = renderChartSvg(option, { width: 1000, height: 500 });
    expect(svg).toContain('2 neurons outside [0, 1] not drawn');
    expect(svg).toContain('two-timescale');
    const series = option.series as Array<{ name: string; markLine: { data: unknown[] } }>;
    expect(series.filter((s) => s.name === 'neurons u_jk').map((s) => s.markLine.data.length)).toEqual([4, 6]);
  });
});
