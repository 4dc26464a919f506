/** Messages of the run configuration a new user meets: they name the field that is wrong and what to change. */
import { describe, expect, it } from 'vitest';
import { errorMessage } from '#shared/base/errors';
import { parseRunConfig, ValidationError } from '#shared/config/schema';

function problem(input: unknown): { field: string; message: string } {
  try {
    parseRunConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { field: (error as ValidationError).field, message: errorMessage(error) };
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration messages', () => {
  it('names h, and says to lower it, when one step covers more slow time than tau_max', () => {
    const { field, message } = problem({ sgd: { h: 1e300 } });
    expect(field).toBe('sgd.h');
    expect(message).toMatch(/lower h or ε, or raise τ_max/);
    expect(message).toContain('τ_max = 0.035');
    expect(message).not.toMatch(/raise tauMax or the stepsizes/);
  });

  it.each([2 ** 32, 2 ** 53, 1e20])('gives the range of a seed of %d, not "must be a whole number"', (seed) => {
    expect(problem({ seed })).toEqual({ field: 'seed', message: 'seed: must be at most 4294967295' });
  });

  it('refuses a jump of size 0, naming it', () => {
    expect(problem({ target: { positions: [0.3, 0.6], values: [1, 2, 0] } })).toEqual({
      field: 'target.values.2',
      message: 'target.values.2: a jump of size 0 is no jump: give it a size, or remove its position',
    });
  });

  it('still says a fractional seed is not a whole number', () => {
    expect(problem({ seed: 2.5 }).message).toBe('seed: must be a whole number');
  });
});
