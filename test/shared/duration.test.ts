/** The one duration formatter: rounded to what it shows before splitting into units, long and compact alike. */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '#shared/base/duration';

const compact = (seconds: number) => formatDuration(seconds, { compact: true });

describe('formatDuration', () => {
  it('shows milliseconds below a second, tenths below ten seconds, whole seconds below a minute', () => {
    expect([0, 0.0004, 0.85, 0.9994].map((s) => formatDuration(s))).toEqual(['0 ms', '0 ms', '850 ms', '999 ms']);
    expect([0.9996, 1, 4.24, 9.94].map((s) => formatDuration(s))).toEqual(['1.0 s', '1.0 s', '4.2 s', '9.9 s']);
    expect([9.96, 12.3, 59.4].map((s) => formatDuration(s))).toEqual(['10 s', '12 s', '59 s']);
  });

  it('rounds before it splits into units, so no unit ever shows 60', () => {
    expect(formatDuration(59.5)).toBe('1 min 0 s');
    expect(formatDuration(59.6)).toBe('1 min 0 s');
    expect(formatDuration(65)).toBe('1 min 5 s');
    expect(formatDuration(119.4)).toBe('1 min 59 s');
    expect(formatDuration(119.6)).toBe('2 min 0 s');
    expect(formatDuration(3599.4)).toBe('59 min 59 s');
    expect(formatDuration(3599.6)).toBe('1 h 0 min');
    expect(formatDuration(7199.9)).toBe('2 h 0 min');
  });

  it('shows whole minutes from an hour on, however many hours', () => {
    expect(formatDuration(3629)).toBe('1 h 0 min');
    expect(formatDuration(3630)).toBe('1 h 1 min');
    expect(formatDuration(4 * 3600 + 5 * 60)).toBe('4 h 5 min');
    expect(formatDuration(50 * 3600 + 59.5 * 60)).toBe('51 h 0 min');
  });

  it('writes the compact form with the units run in and two digits for the smaller one', () => {
    expect([0, 0.85, 4.24, 12.3, 59.6, 75, 119.6, 3599.6, 4 * 3600 + 7 * 60].map(compact)).toEqual([
      '0ms',
      '850ms',
      '4.2s',
      '12s',
      '1m00s',
      '1m15s',
      '2m00s',
      '1h00m',
      '4h07m',
    ]);
  });

  it('says when there is no duration to show', () => {
    for (const value of [NaN, Infinity, -Infinity, -1]) {
      expect(formatDuration(value)).toBe('—');
      expect(compact(value)).toBe('?');
    }
  });
});
