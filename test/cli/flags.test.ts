/** The CLI's flag parsing: a missing value or a negative number gets a plain one-line answer naming the flag. */
import { describe, expect, it } from 'vitest';
import { intFlag, parseFlags } from '../../src-main/cli/args';
import { errorMessage, UsageError } from '#shared/base/errors';

const options = {
  run: { type: 'string' },
  png: { type: 'string' },
  seed: { type: 'string' },
  force: { type: 'boolean' },
} as const;

function usageMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return errorMessage(error);
  }
  throw new Error('expected a usage error');
}

describe('parseFlags', () => {
  it('says a flag at the end is missing its value', () => {
    expect(usageMessage(() => parseFlags(['--png', 'x.png', '--run'], options))).toBe('--run: missing its value');
  });

  it('says a flag followed by another flag is missing its value, naming both', () => {
    expect(usageMessage(() => parseFlags(['--run', '--png', 'x.png'], options))).toBe(
      '--run: missing its value (the next argument is the flag --png)',
    );
  });

  it('takes a negative number as a value, so that the range check can name it', () => {
    const { values } = parseFlags(['--seed', '-3'], options);
    expect(values.seed).toBe('-3');
    expect(usageMessage(() => intFlag('seed', values.seed, 0, 2 ** 32 - 1))).toBe(
      '--seed: expected a whole number from 0 to 4294967295, got "-3"',
    );
  });

  it('keeps values, --flag=value and boolean flags as they were', () => {
    const { values } = parseFlags(['--run', 'abc', '--png=-odd-name.png', '--force'], options);
    expect(values).toEqual({ run: 'abc', png: '-odd-name.png', force: true });
  });

  it('still names an unknown flag', () => {
    expect(usageMessage(() => parseFlags(['--colour', 'red'], options))).toMatch(/Unknown option '--colour'/);
  });
});
