/** A run name is data in the HTML report: it cannot end the embedded JSON or the page's scripts, nor add markup. */
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src-main/report/data';
import { optionJson, reportHtml } from '../../src-main/report/html';
import { openTempLab, quickConfig, storeRun } from '../report/fixtures';

describe('names in the HTML report', () => {
  it('keeps a hostile run name out of the markup and the scripts', () => {
    const lab = openTempLab();
    try {
      const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
      const runId = storeRun(lab.store, quickConfig({}, 0.001), hostile);
      const html = reportHtml(loadReport(lab.store, { runId }), { exportedAt: new Date(0), version: 'test' });
      // The three scripts of the page (ECharts, the data, the client) and no other.
      expect(html.match(/<script/g)).toHaveLength(3);
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('Run report: &lt;/script&gt;');
    } finally {
      lab.dispose();
    }
  });

  it('embeds flat typed-array series as rows, and numbers to seven digits', () => {
    const json = optionJson({
      series: [
        {
          type: 'line',
          dimensions: ['x', 'y', 'loss'],
          data: Float64Array.of(0, 1 / 3, NaN, 1, 2, 2) as unknown as number[],
        },
      ],
    });
    expect(JSON.parse(json).series[0].data).toEqual([
      [0, 0.3333333, null],
      [1, 2, 2],
    ]);
  });
});
