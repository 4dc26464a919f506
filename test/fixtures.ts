/**
 * Loads the reference cases computed with the authors' code (how, and with which conventions: test/fixtures/README.md).
 * Another file of the same format can be run through the same tests by pointing TTLAB_REFERENCE_CASES at it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The cases kept in the repository, found beside this file so that a fresh clone runs them from any folder. */
export const DEFAULT_REFERENCE_CASES = join(import.meta.dirname, 'fixtures', 'reference-cases.json');

export interface FixtureTarget {
  values: number[];
  positions: number[];
}

/** The sections of reference-cases.json; each case keeps the authors' field names. */
export interface ReferenceCases {
  meta: Record<string, unknown>;
  sigma: Array<{ x: number; value: number }>;
  network: Array<{ a: number[]; u: number[]; eta: number; x: number[]; value: number[] }>;
  stochastic_gradients: Array<Record<string, unknown>>;
  population_loss: Array<{ target: FixtureTarget; a: number[]; u: number[]; eta: number; loss: number }>;
  fast_solution: Array<Record<string, unknown>>;
  limit_derivatives: Array<Record<string, unknown>>;
  sgd_trajectory: Array<Record<string, unknown>>;
  limit_trajectory: Array<Record<string, unknown>>;
}

export function referenceCasesPath(): string {
  return process.env.TTLAB_REFERENCE_CASES || DEFAULT_REFERENCE_CASES;
}

let cached: ReferenceCases | null = null;

export function loadReferenceCases(): ReferenceCases {
  cached ??= JSON.parse(readFileSync(referenceCasesPath(), 'utf8')) as ReferenceCases;
  return cached;
}

/** |actual - expected| <= relative |expected| + absolute (1e-9 and 1e-12 by default, the README's tolerance). */
export function closeTo(actual: number, expected: number, relative = 1e-9, absolute = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute;
}
