/**
 * Names are validated once where they enter (API, CLI) and escaped where they leave (chart tooltip
 * HTML, the terminal).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { compareLossOption } from '#shared/charts/historyCompare';
import { lossChartOption } from '#shared/charts/loss';
import { escapeHtml, printable } from '#shared/config/text';
import { runCommand } from '../../src-main/cli/runCommand';
import { runsCommand } from '../../src-main/cli/runsCommand';
import { UsageError } from '#shared/base/errors';
import { openStore } from '../../src-main/store';
import { syntheticSeries, paperConfig } from '../charts/series';
import { checkpoints, smallConfig } from '../store/fixtures';
import { loadReport } from '../../src-main/report/data';
import { pagePng, reportSvg } from '../../src-main/report/image';
import { tempFolder } from '../store/helpers';
import { join } from 'node:path';
import { silentLab } from './lab';

const labs: Array<ReturnType<typeof silentLab>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const lab of labs.splice(0)) await lab.dispose();
});

async function refusal(method: string, params: unknown) {
  const lab = silentLab();
  labs.push(lab);
  const reply = await dispatch(lab.handlers, method, params);
  if (reply.ok) throw new Error(`${method} was accepted`);
  expect(lab.store.listRuns()).toEqual([]);
  return reply.error;
}

describe('names at the API', () => {
  it.each([
    ['a run name with an escape sequence', 'startRun', { config: {}, name: '\x1b[31mred' }, 'name'],
    ['a run name with a bell', 'startRun', { config: {}, name: 'ding\x07' }, 'name'],
    ['a run name with a line break', 'updateRun', { runId: 'r', name: 'two\nlines' }, 'name'],
    ['a run name that turns text around', 'updateRun', { runId: 'r', name: 'abc\u202Eexe.txt' }, 'name'],
    ['a tag with a NUL', 'updateRun', { runId: 'r', tags: ['ok', 'n\0l'] }, 'tags.1'],
    [
      'a sweep name with an escape sequence',
      'startSweep',
      { sweep: { name: '\x1b]0;title\x07', base: {}, seeds: [1] } },
      'sweep.name',
    ],
    [
      'a variant label with a carriage return',
      'startSweep',
      { sweep: { base: {}, variants: [{ label: 'a\rb', set: {} }], seeds: [1] } },
      'sweep.variants.0.label',
    ],
  ])('refuses %s, naming the field', async (_what, method, params, field) => {
    expect(await refusal(method, params)).toEqual({
      name: 'ValidationError',
      message: `${field}: must not contain control characters (line breaks, tabs, escape codes)`,
    });
  });

  it('refuses a name longer than 200 characters', async () => {
    expect(await refusal('startRun', { config: {}, name: 'x'.repeat(201) })).toEqual({
      name: 'ValidationError',
      message: 'name: must be at most 200 characters',
    });
  });
});

describe('names on the command line', () => {
  it.each([
    ['longer than 200 characters', 'x'.repeat(201), '--name: must be at most 200 characters'],
    [
      'with an escape sequence',
      '\x1b[2Jcleared',
      '--name: must not contain control characters (line breaks, tabs, escape codes)',
    ],
  ])('refuses --name %s before anything runs', async (_what, name, message) => {
    await expect(runCommand(['--preset', 'paper-two-timescale', '--no-save', '--name', name])).rejects.toEqual(
      new UsageError(message),
    );
  });

  it('ttlab runs shows control characters of stored names instead of sending them to the terminal', async () => {
    const file = join(tempFolder(), 'old.sqlite');
    const store = openStore(file);
    // A name stored before names were validated.
    store.createRun({ config: smallConfig(), name: 'red\x1b[31m alarm\x07' });
    store.close();
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => Boolean(written.push(String(chunk))));
    expect(await runsCommand(['--db', file])).toBe(0);
    expect(written.join('')).toContain('red\\u{1b}[31m alarm\\u{7}');
    expect(written.join('')).not.toMatch(/[\x07\x1b]/);
  });
});

describe('names in report images', () => {
  it('draws a stored name with control characters instead of failing the SVG and PNG export', () => {
    const store = openStore(':memory:');
    // A name stored before names were validated.
    const runId = store.createRun({ config: smallConfig(), name: 'bell\x07 and escape\x1b[31m' });
    store.appendCheckpoints(runId, 0, checkpoints(0, 5, 4));
    store.finishRun(runId, 'done', {});
    const data = loadReport(store, { runId });
    const { svg } = reportSvg(data, { exportedAt: new Date(0), version: 'test' });
    expect(svg).not.toMatch(/[\x07\x1b]/);
    expect(svg).toContain('bell\uFFFD and escape\uFFFD[31m');
    expect(pagePng(svg, { pixelRatio: 1 }).subarray(1, 4).toString()).toBe('PNG');
    store.close();
  });
});

describe('names in chart tooltips', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  it('escapes series names in the comparison tooltip', () => {
    const band = {
      time: Float64Array.of(0, 1),
      median: Float64Array.of(1, 0.5),
      low: Float64Array.of(1, 0.5),
      high: Float64Array.of(1, 0.5),
    };
    const option = compareLossOption([{ label: hostile, band, seeds: 1 } as never]) as {
      tooltip: { formatter: (params: unknown) => string };
    };
    const html = option.tooltip.formatter([{ seriesId: 'curve-0', seriesName: hostile, marker: '', value: [0, 1] }]);
    expect(html).toContain(escapeHtml(hostile));
    expect(html).not.toContain('<img');
  });

  it('escapes series names in the loss tooltip', () => {
    const option = lossChartOption(syntheticSeries({ m: 4, count: 5 }), paperConfig()) as {
      tooltip: { formatter: (params: unknown) => string };
    };
    const html = option.tooltip.formatter([{ seriesName: hostile, marker: '', value: [0, 1, 1] }]);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('printable leaves ordinary names alone', () => {
    expect(printable('ε = 0.1, seed 3 — «two-timescale»')).toBe('ε = 0.1, seed 3 — «two-timescale»');
  });
});
