/**
 * "Reproduce the paper" in the app: the state of one reproduction as the lab announces it on `reproduce:progress`
 * after every run that ends, and as `reproducePaper` returns it.
 */

/** The tiers the app runs; the CLI also has 'full' (hours). */
export const reproductionTiers = ['quick'] as const;
export type ReproductionTier = (typeof reproductionTiers)[number];

/** One line of the reproduction table: a claim of the paper and what the runs gave. */
export interface ReproductionCheck {
  experiment: string;
  claim: string;
  expected: string;
  measured: string;
  pass: boolean;
}

/** One experiment of the paper (docs/MODEL.md section 6) on its way through the pool. */
export interface ReproductionExperiment {
  /** name: e.g. `replay-two-timescale`; its runs are the sweep `reproduce/<name>/<tier>`. */
  name: string;
  /** The paper's claim in a few words. */
  summary: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Runs of its sweep, and how many of them ended. */
  runs: number;
  finishedRuns: number;
  /** The stored sweep, once started. */
  sweepId: string | null;
  /** Every check of the experiment passes; null until it is checked. */
  pass: boolean | null;
  /** Wall time of its sweep, once done. */
  wallMs: number | null;
}

/** A zip file as it crosses the API (the report of figures and tables). */
export interface ReproductionReport {
  fileName: string;
  data: Uint8Array;
}

export interface Reproduction {
  /** id: distinguishes two reproductions of one session (the time it started, ISO 8601). */
  id: string;
  tier: ReproductionTier;
  status: 'running' | 'done' | 'failed';
  /** The experiments in the order they run (one at a time, each a sweep over the lab's pool). */
  experiments: ReproductionExperiment[];
  /** The table so far: the checks of every experiment done. */
  checks: ReproductionCheck[];
  /** Why it stopped early (status 'failed'). */
  error: string | null;
  /** The figures redrawn, results.csv and RESULTS.md zipped: only in the last event, once done. */
  report: ReproductionReport | null;
}
