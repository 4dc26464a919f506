/** The stepsize warnings of docs/MODEL.md section 7 on stderr, one line a field, before anything runs. */
import type { RunConfig, SweepSpec } from '#shared/config/schema';
import { stepsizeWarnings, sweepStepsizeWarnings } from '#shared/theory/stepsizes';

/** `ttlab: warning: sgd.h: h = 0.5 may make the weights diverge: ...; h ≤ 0.0476 is stable`. */
export function warnStepsizes(config: RunConfig): void {
  for (const warning of stepsizeWarnings(config))
    process.stderr.write(`ttlab: warning: ${warning.field}: ${warning.message}\n`);
}

/** The same for a sweep: how many of its runs a field concerns, and the first of them. */
export function warnSweepStepsizes(spec: SweepSpec): void {
  for (const { field, runs, total, first } of sweepStepsizeWarnings(spec)) {
    const which = runs === total ? `all ${total} runs` : `${runs} of ${total} runs`;
    process.stderr.write(`ttlab: warning: ${field} in ${which}, first ${first.label}: ${first.warning.message}\n`);
  }
}
