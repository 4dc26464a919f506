/** The time axis names what it measures: slow time, trainer steps, or (full batch) epochs. */
import { describe, expect, it } from 'vitest';
import { timeAxis } from '#shared/charts/frame';

const name = (options: Parameters<typeof timeAxis>[0]) => (timeAxis(options) as { name?: string }).name;

describe('time axis', () => {
  it('is slow time by default, trainer steps on request, epochs for full-batch runs', () => {
    expect(name({})).toBe('slow time τ = k·h·ε');
    expect(name({ x: 'step' })).toBe('trainer step k');
    expect(name({ x: 'step', stepName: 'epoch' })).toBe('epoch');
    expect(name({ x: 'tau', stepName: 'epoch' })).toBe('slow time τ = k·h·ε');
  });
});
