/** `ttlab export` with --pdf, --svg, --html, --chart, --size and --band: what is written, and clear refusals. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessage, UsageError } from '#shared/base/errors';
import { useExportLab } from '../report/lab';
import { pngSize } from '../report/png';
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
  expect(errorMessage(error)).toMatch(words);
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
    expect(
      await run('--run', exports.lab.runId, '--chart', 'loss', '--size', '3.25inx2.2in', '--pdf', out('loss.pdf')),
    ).toBe(0);
    const page = pdfInfo(readFileSync(out('loss.pdf')));
    expect(page.width).toBeCloseTo(234, 1);
    expect(page.height).toBeCloseTo(158.4, 1);
    expect(pdfText(readFileSync(out('loss.pdf')))).toContain('L2 error L(a,u)');
  });

  it.skipIf(!hasPoppler)(
    'lays the report page out at --size: the page that wide, the PNG at 300 dpi, the SVG in points',
    async () => {
      expect(
        await run(
          '--run',
          exports.lab.runId,
          '--size',
          '3.25inx2.2in',
          '--pdf',
          out('page.pdf'),
          '--png',
          out('page.png'),
          '--svg',
          out('page.svg'),
        ),
      ).toBe(0);
      const page = pdfInfo(readFileSync(out('page.pdf')));
      expect(Math.abs(page.width - 234)).toBeLessThanOrEqual(0.5);
      // Three charts (loss, neurons, fit) of 2.2 in each, and the tables and text: the page is taller than the charts.
      expect(page.height).toBeGreaterThan(3 * 158.4);
      expect(pdfText(readFileSync(out('page.pdf'))).replace(/\s+/g, ' ')).toContain('Run report: quick two-timescale');
      const svg = readFileSync(out('page.svg'), 'utf8');
      expect(svg).toMatch(new RegExp(`^<svg [^>]*width="234pt" height="${page.height}pt"`));
      const png = pngSize(readFileSync(out('page.png')));
      expect(png.width).toBe(975);
      expect(Math.abs(png.height - (page.height * 300) / 72)).toBeLessThanOrEqual(0.5);
      expect(
        await run(
          '--runs',
          `${exports.lab.runId},${exports.lab.otherRunId}`,
          '--size',
          'full-width',
          '--pdf',
          out('compare.pdf'),
        ),
      ).toBe(0);
      expect(Math.abs(pdfInfo(readFileSync(out('compare.pdf'))).width - 486)).toBeLessThanOrEqual(0.5);
    },
  );

  it('writes sweep and comparison charts, the SVG sized in points', async () => {
    expect(
      await run(
        '--sweep',
        exports.lab.sweepId,
        '--chart',
        'convergence',
        '--size',
        'column',
        '--svg',
        out('convergence.svg'),
        '--png',
        out('convergence.png'),
      ),
    ).toBe(0);
    expect(readFileSync(out('convergence.svg'), 'utf8')).toMatch(/^<svg width="234pt" height="187pt"/);
    // The sweep's first two runs differ only by their seed: one curve, its mean and band.
    const [first, second] = exports.lab.store.getSweep(exports.lab.sweepId).runs.map((run) => run.id);
    expect(
      await run(
        '--runs',
        `${first},${second}`,
        '--chart',
        'seed-bands',
        '--band',
        'mean-ci',
        '--svg',
        out('bands.svg'),
      ),
    ).toBe(0);
    const bands = readFileSync(out('bands.svg'), 'utf8');
    expect(bands).toContain('95 % confidence interval of the mean');
    expect(bands).toContain('mean of 2 seeds');
  });

  it('refuses bad figure flags in one line naming the flag, writing nothing', async () => {
    await failsWith(
      ['--run', exports.lab.runId, '--chart', 'loss', '--size', '3x2', '--pdf', out('x.pdf')],
      /^--size: .*WIDTHxHEIGHT with a unit/,
    );
    await failsWith(
      ['--run', exports.lab.runId, '--size', '3x2', '--pdf', out('x.pdf')],
      /^--size: .*WIDTHxHEIGHT with a unit/,
    );
    await failsWith(
      ['--run', exports.lab.runId, '--size', 'column', '--html', out('x.html')],
      /^--size: sizes a chart or report page written with --png, --svg, --pdf or --dir/,
    );
    await failsWith(
      ['--run', exports.lab.runId, '--chart', 'lost', '--pdf', out('x.pdf')],
      /^--chart: "lost" is not a chart/,
    );
    await failsWith(
      ['--run', exports.lab.runId, '--chart', 'phase', '--pdf', out('x.pdf')],
      /^--chart: "phase" is not a chart of a run: use one of loss, neurons, weights, fit/,
    );
    await failsWith(
      ['--run', exports.lab.runId, '--chart', 'loss', '--html', out('x.html')],
      /^--chart: writes one chart/,
    );
    await failsWith(
      ['--runs', `${exports.lab.runId},${exports.lab.otherRunId}`, '--band', 'sd', '--html', out('x.html')],
      /^--band: use one of iqr, p10-90, mean-ci/,
    );
  });
});
