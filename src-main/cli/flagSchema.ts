/** Command lines with positional arguments, their flag values validated with zod; errors name the flag (exit code 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { ValidationError } from '#shared/config/schema';
import { errorMessage, NotFoundError, RunStateError, UsageError } from '#shared/base/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` with `options`, allowing positional arguments (at most `maxPositionals`). */
export function parseCommandLine<T extends Options>(args: string[], options: T, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(errorMessage(error).split('\n')[0]);
  }
  if (parsed.positionals.length > maxPositionals)
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  return parsed;
}

/** Validates flag values (keyed by flag name) with `schema`; the first problem becomes `--flag: message`. */
export function validateFlags<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const flag = issue.path.map(String).join('.');
  throw new UsageError(flag ? `--${flag}: ${issue.message}` : issue.message);
}

/** A whole-number flag from min to max. */
export const wholeFlag = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** A number flag in (0, max], decimals allowed. */
export const positiveFlag = (max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `expected a number greater than 0 and at most ${max}`)
    .transform(Number)
    .pipe(z.number().positive('must be greater than 0').max(max, `must be at most ${max}`));

/** A flag that must be given. */
export const requiredFlag = (what: string) =>
  z.string({ error: `is required (${what})` }).min(1, `is required (${what})`);
/**
 * A refusal that is bad input (a plan or flag that does not fit, an unknown run, a run that is done or running) as a
 * one-line usage error (exit code 2); any other error is returned as it is.
 */
export function toUsage(error: unknown): unknown {
  if (error instanceof ValidationError || error instanceof NotFoundError || error instanceof RunStateError)
    return new UsageError(error.message);
  return error;
}

/** Runs `action` (sync or async), turning a bad-input refusal into a usage error (see toUsage). */
export function asUsage<T>(action: () => T): T {
  let result: T;
  try {
    result = action();
  } catch (error) {
    throw toUsage(error);
  }
  if (result instanceof Promise)
    return result.catch((error: unknown) => {
      throw toUsage(error);
    }) as T;
  return result;
}
