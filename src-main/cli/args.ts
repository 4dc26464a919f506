/** Command-line parsing on node:util parseArgs, turning its errors into one-line usage errors. */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runLimitIssue } from '#shared/config/limits';
import { totalSteps, ValidationError, type RunConfig, parseRunConfig } from '#shared/config/schema';
import { setPath } from '#shared/config/sweep';
import { errorMessage, UsageError } from '#shared/base/errors';

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args: joinFlagValues(args, options), options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(errorMessage(error).split('\n')[0]);
  }
}

/**
 * Joins a flag that takes a value to its value (`--seed -3` becomes `--seed=-3`, then checked like any value), and
 * says plainly when the value is missing. parseArgs alone answers both with "argument is ambiguous".
 */
function joinFlagValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i])?.[1];
    if (name === undefined || !Object.hasOwn(options, name) || options[name].type !== 'string') {
      joined.push(args[i]);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) throw new UsageError(`--${name}: missing its value`);
    if (value.startsWith('-') && !/^-[\d.]/.test(value))
      throw new UsageError(`--${name}: missing its value (the next argument is the flag ${value})`);
    joined.push(`--${name}=${value}`);
    i++;
  }
  return joined;
}

/**
 * The one flag of `flags` that was given (each named with what it takes, for the message), or a usage error when none or
 * several were: "give exactly one of --run ID or --sweep ID".
 */
export function exactlyOne<K extends string>(
  values: Partial<Record<NoInfer<K>, unknown>>,
  flags: Record<K, string>,
): K {
  const names = Object.keys(flags) as K[];
  const given = names.filter((name) => values[name] !== undefined);
  if (given.length === 1) return given[0];
  const choices = names.map((name) => `--${name} ${flags[name]}`);
  throw new UsageError(`give exactly one of ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`);
}

/** The items of a comma-separated flag value, trimmed, the empty ones left out. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** An integer flag value in [min, max], or a usage error naming the flag. */
export function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Reads and parses a JSON file, or a usage error naming it. */
export function readJsonFile(file: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--${flag}: ${file} is not valid JSON: ${errorMessage(error)}`);
  }
}

/** Applies `--set key=value` overrides (value read as JSON when it parses, else as a string) and validates. */
export function applyOverrides(config: RunConfig, sets: readonly string[], seed: number | undefined): RunConfig {
  let patched: object = config;
  for (const assignment of sets) {
    const match = /^([a-zA-Z]+(?:\.[a-zA-Z]+)*)=(.*)$/.exec(assignment);
    if (!match)
      throw new UsageError(
        `--set: expected key=value with a dotted key like sgd.h=1e-4, got ${JSON.stringify(assignment)}`,
      );
    let value: unknown = match[2];
    try {
      value = JSON.parse(match[2]);
    } catch {
      // not JSON: keep the text
    }
    try {
      patched = setPath(patched, match[1], value);
    } catch (error) {
      throw new UsageError(`--set: ${errorMessage(error)}`);
    }
  }
  if (seed !== undefined) patched = { ...patched, seed };
  let parsed: RunConfig;
  try {
    parsed = parseRunConfig(patched);
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`invalid configuration: ${error.message}`);
    throw error;
  }
  const limit = runLimitIssue(parsed, totalSteps(parsed));
  if (limit) throw new UsageError(`invalid configuration: ${limit.message}`);
  return parsed;
}
