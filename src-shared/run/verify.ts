/**
 * Verifying a stored run: it is trained again from its stored configuration and seed, and every checkpoint the replay
 * records is compared bit for bit with the stored one. The first difference is named (step, metric, relative size).
 */
import type { MachineProvenance, Provenance, ProvenanceDifference } from './provenance';
import type { RunCheckpoint } from './types';

export interface CheckpointDifference {
  /** Index of the checkpoint in the run's series. */
  index: number;
  /** The stored checkpoint's step. */
  step: number;
  /** What differs: step, tau, loss, limitLoss, covered, a[j] or u[j] (or "count" when the replay recorded fewer). */
  metric: string;
  stored: number | null;
  replayed: number | null;
  /** |replayed - stored| / |stored| (the absolute difference when stored is 0; Infinity when a value is missing). */
  relativeDifference: number;
}

export interface VerifyResult {
  runId: string;
  identical: boolean;
  /** Checkpoints compared, and how many the run has stored. */
  compared: number;
  stored: number;
  firstDifference: CheckpointDifference | null;
  provenance: {
    stored: Provenance | null;
    current: MachineProvenance;
    /** How this build and machine differ from those that computed the run (empty when they are the same). */
    differences: ProvenanceDifference[];
  };
}

function relative(stored: number | null, replayed: number | null): number {
  if (stored === null || replayed === null) return Number.POSITIVE_INFINITY;
  const difference = Math.abs(replayed - stored);
  return stored === 0 ? difference : difference / Math.abs(stored);
}

/** The first field of checkpoint `index` that differs bit for bit (Object.is: -0 is not 0), or null. */
export function compareCheckpoints(
  index: number,
  stored: RunCheckpoint,
  replayed: RunCheckpoint,
): CheckpointDifference | null {
  const differ = (metric: string, a: number | null, b: number | null): CheckpointDifference => ({
    index,
    step: stored.step,
    metric,
    stored: a,
    replayed: b,
    relativeDifference: relative(a, b),
  });
  for (const metric of ['step', 'tau', 'loss', 'limitLoss', 'covered'] as const) {
    if (!Object.is(stored[metric], replayed[metric])) return differ(metric, stored[metric], replayed[metric]);
  }
  for (const column of ['a', 'u'] as const) {
    const before = stored[column];
    const after = replayed[column];
    const length = Math.max(before.length, after.length);
    for (let j = 0; j < length; j++) {
      const a = j < before.length ? before[j] : null;
      const b = j < after.length ? after[j] : null;
      if (a === null || b === null || !Object.is(a, b)) return differ(`${column}[${j}]`, a, b);
    }
  }
  return null;
}

/** One line for a person: "identical (101 checkpoints)" or where the replay first differs. */
export function describeVerify(result: VerifyResult): string {
  const { firstDifference: first } = result;
  const head = result.identical
    ? `identical: all ${result.compared} stored checkpoints replayed bit for bit`
    : first
      ? `different: checkpoint ${first.index} (step ${first.step}) differs in ${first.metric}: stored ${first.stored}, replayed ${first.replayed} (relative difference ${first.relativeDifference.toPrecision(3)})`
      : 'different';
  const { differences, stored } = result.provenance;
  if (stored === null) return `${head}; the run's provenance is unknown (stored before provenance was recorded)`;
  if (differences.length === 0) return `${head}; same build and machine as the stored run`;
  const build = differences.filter((d) => d.kind === 'build');
  const listed = differences.map((d) => `${d.label} ${d.stored} -> ${d.current}`).join(', ');
  return `${head}; ${build.length > 0 ? 'another build' : 'another machine'} than the stored run (${listed})`;
}
