/** `ttlab export` with --pdf, --svg, --html, --chart, --size and --band: what is written, and clear refusals. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src-main/cli/errors';
import { useExportLab } from '../report/lab';
import { hasPoppler, pdfInfo, pdfText } from './poppler';

const exports = useExportLab();
const { out, run } = exports;

async function failsWith(args: string[], words: RegExp) {
  const before = readdirSync(exports.lab.dir).sort();
  const error = await run(...args).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toMatch(words);
  expect(readdirSync(exports.lab.dir).sort()).toEqual(before);
}

describe('ttlab export figures', () => {
  it('writes the report page as a PDF and the interactive report as one HTML file', async () => {
    expect(await run('--run', exports.lab.runId, '--pdf', out('report.pdf'), '--html', out('report.html'))).toBe(0);
    expect(readFileSync(out('report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const html = readFileSync(out('report.html'), 'utf8');
    expect(html).toContain('id="report-data"');
    expect(html).toContain('Run report: quick two-timescale');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it.skipIf(!hasPoppler)('writes one chart at the size asked for (--chart, --size)', async () => {
    expect(await run('--run', exports.lab.runId, '--chart', 'loss', '--size', '3.25inx2.2in', '--pdf', out('loss.pdf'))).toBe(0);
    const page = pdfInfo(readFileSync(out('loss.pdf')));
    expect(page.width).toBeCloseTo(234, 1);
    expect(page.height).toBeCloseTo(158.4, 1);
    expect(pdfText(readFileSync(out('loss.pdf')))).toContain('L2 error L(a,u)');
  });

  it('writes sweep and comparison charts, the SVG sized in points', async () => {
    expect(await run('--sweep', exports.lab.sweepId, '--chart', 'convergence', '--size', 'column', '--svg', out('convergence.svg'), '--png', out('convergence.png'))).toBe(0);
    expect(readFileSync(out('convergence.svg'), 'utf8')).toMatch(/^<svg width="234pt" height="187pt"/);
    // The sweep's first two runs differ only by their seed: one curve, its mean and band.
    const [first, second] = exports.lab.store.getSweep(exports.lab.sweepId).runs.map((run) => run.id);
    expect(await run('--runs', `${first},${second}`, '--chart', 'seed-bands', '--band', 'mean-ci', '--svg', out('bands.svg'))).toBe(0);
    const bands = readFileSync(out('bands.svg'), 'utf8');
    expect(bands).toContain('95 % confidence interval of the mean');
    expect(bands).toContain('mean of 2 seeds');
  });

  it('refuses bad figure flags in one line naming the flag, writing nothing', async () => {
    await failsWith(['--run', exports.lab.runId, '--chart', 'loss', '--size', '3x2', '--pdf', out('x.pdf')], /^--size: .*WIDTHxHEIGHT with a unit/);
    await failsWith(['--run', exports.lab.runId, '--size', 'column', '--pdf', out('x.pdf')], /^--size: sizes one chart/);
    await failsWith(['--run', exports.lab.runId, '--chart', 'lost', '--pdf', out('x.pdf')], /^--chart: "lost" is not a chart/);
    await failsWith(['--run', exports.lab.runId, '--chart', 'phase', '--pdf', out('x.pdf')], /^--chart: "phase" is not a chart of a run: use one of loss, neurons, weights, fit/);
    await failsWith(['--run', exports.lab.runId, '--chart', 'loss', '--html', out('x.html')], /^--chart: writes one chart/);
    await failsWith(['--runs', `${exports.lab.runId},${exports.lab.otherRunId}`, '--band', 'sd', '--html', out('x.html')], /^--band: use one of iqr, p10-90, mean-ci/);
  });
});
