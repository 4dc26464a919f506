/** Charts are named for screen readers by their title and subtitle. */
import { describe, expect, it } from 'vitest';
import { chartLabel } from '../../src-renderer/src/lib/chartLabel';

describe('chartLabel', () => {
  it('joins title and subtitle, from an object or the first of a list', () => {
    expect(chartLabel({ title: { text: 'Loss', subtext: 'SGD and the limit' } })).toBe('Loss — SGD and the limit');
    expect(chartLabel({ title: [{ text: 'Neurons' }, { text: 'ignored' }] })).toBe('Neurons');
  });

  it('falls back to a plain word without a title', () => {
    expect(chartLabel({})).toBe('Chart');
    expect(chartLabel({ title: { text: '  ' } })).toBe('Chart');
  });
});
