/**
 * A stored run as the lab knows it: its status, its row in the run list and its full record. Defined here, beside the
 * run it describes, so the analysis reads runs without the wire contract; `api/contract.ts` re-exports all of it.
 */
import type { RunConfig } from '../config/schema';
import type { CoverageEntry } from '../math/coverage';
import type { Provenance } from './provenance';

export const runStatuses = ['queued', 'running', 'done', 'cancelled', 'failed', 'diverged', 'interrupted'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const finishedStatuses: readonly RunStatus[] = ['done', 'cancelled', 'failed', 'diverged', 'interrupted'];
/** Runs that stopped before their end and can be resumed. */
export const RESUMABLE_STATUSES: readonly RunStatus[] = ['cancelled', 'failed', 'interrupted'];

/** One row of the run list. */
export interface RunSummary {
  id: string;
  name: string;
  status: RunStatus;
  trainer: RunConfig['trainer'];
  m: number;
  eta: number;
  h: number;
  epsilon: number;
  seed: number;
  steps: number;
  totalSteps: number;
  finalLoss: number | null;
  bestLoss: number | null;
  limitFinalLoss: number | null;
  coveredJumps: number | null;
  totalJumps: number;
  durationMs: number | null;
  createdAt: string;
  finishedAt: string | null;
  tags: string[];
  starred: boolean;
  sweepId: string | null;
  error: string | null;
}

export interface RunDetail extends RunSummary {
  config: RunConfig;
  notes: string;
  coverage: CoverageEntry[];
  /** Why the limit loss is missing, e.g. "undefined for this init". */
  limitNote: string | null;
  /** The build and machine that computed the run; null for runs stored before provenance was recorded. */
  provenance: Provenance | null;
}
