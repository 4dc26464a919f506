/** One number format across the UI and the reports, and the paper's symbols or plain words instead of internal names. */
import { describe, expect, it } from 'vitest';
import { fieldText } from '#shared/analysis/configFields';
import { chartFrame, tooltipValue, valueAxis } from '#shared/charts/frame';
import { fieldLabel } from '#shared/config/fieldLabels';
import { parseRunConfig } from '#shared/config/schema';
import { configPairs } from '../../src-main/report/summary';

describe('numbers', () => {
  it('writes configuration values exactly, in one notation: 1e-5 beside 1e-9, never 0.00001', () => {
    expect([1e-5, 1e-9, 2e-5, 0.004, 0.035, 20, 175_000_000].map(fieldText)).toEqual([
      '1e-5',
      '1e-9',
      '2e-5',
      '0.004',
      '0.035',
      '20',
      '1.75e+8',
    ]);
  });

  it('gives chart tooltips four significant digits, not the seventeen of a double', () => {
    const option = chartFrame({
      title: 't',
      xAxis: valueAxis('x', false),
      yAxis: valueAxis('y', false),
      series: [],
      points: 0,
    });
    const formatter = (option.tooltip as { valueFormatter: (value: unknown) => string }).valueFormatter;
    expect(formatter(0.12345678901234567)).toBe('0.1235');
    expect(formatter(0.0000123456)).toBe('1.235e-5');
    expect(tooltipValue([1, 0.3333333333])).toBe('1, 0.3333');
    expect(tooltipValue(null)).toBe('—');
  });
});

describe('words', () => {
  it("labels fields with the paper's symbols and plain words", () => {
    expect(fieldLabel('duration.tauMax')).toBe('τ_max (slow time)');
    expect(fieldLabel('sgd.epsilon')).toBe('ε (inner / outer stepsize)');
    expect(fieldLabel('sgd.someNewField')).toBe('some new field');
  });

  it("shows no internal dotted name in a report's configuration table", () => {
    const labels = configPairs(parseRunConfig({})).map(([label]) => label);
    expect(labels).toContain('τ_max (slow time)');
    expect(labels.filter((label) => /\w\.\w|[a-z][A-Z]/.test(label))).toEqual([]);
  });
});
