/**
 * Where a stored number came from: the build and the machine that computed a run, recorded when the run starts, so
 * that a result can be traced to its engine and a replay that differs can say whether the build or the machine changed.
 */
import { z } from 'zod';

const text = z.string().max(500);

/** The build and the machine of one process that trained (part of) a run. */
export const machineProvenanceSchema = z.strictObject({
  appVersion: text,
  /** Commit of the checkout the lab ran from, null when it ran from an installed package. */
  gitCommit: text.nullable(),
  /** Uncommitted changes in that checkout; null outside a checkout. */
  gitDirty: z.boolean().nullable(),
  /** Hash of the engine's code (trainers, math, generators, run sessions, configuration): the same id gives the same numbers. */
  engineBuildId: text,
  node: text,
  electron: text.nullable(),
  chromium: text.nullable(),
  /** Operating system and its release, e.g. "linux 6.1.0". */
  os: text,
  arch: text,
  cpuModel: text,
  hostname: text,
});
export type MachineProvenance = z.output<typeof machineProvenanceSchema>;

export const provenanceSchema = machineProvenanceSchema.extend({
  /** The run's generator: numpy-compatible MT19937 or xoshiro256+. */
  generator: z.enum(['numpy', 'fast']),
  /** Each later process that resumed the run, with when it did. */
  resumes: z
    .array(machineProvenanceSchema.extend({ at: text }))
    .max(10_000)
    .default([]),
});
export type Provenance = z.output<typeof provenanceSchema>;

/** The fields that decide whether a replay can give other numbers, with how each is named to a reader. */
const BUILD_FIELDS = {
  engineBuildId: 'engine build',
  appVersion: 'app version',
  gitCommit: 'commit',
  gitDirty: 'uncommitted changes',
} as const;
const MACHINE_FIELDS = {
  hostname: 'machine',
  cpuModel: 'CPU',
  arch: 'architecture',
  os: 'operating system',
  node: 'Node',
  electron: 'Electron',
} as const;

export interface ProvenanceDifference {
  /** 'build' when the code may differ, 'machine' when only the machine or runtime does. */
  kind: 'build' | 'machine';
  field: keyof MachineProvenance;
  label: string;
  stored: string;
  current: string;
}

const shown = (value: unknown): string => (value === null || value === undefined ? 'unknown' : String(value));

/** How `current` differs from `stored` (null: the run predates provenance, everything is unknown). */
export function provenanceDifferences(
  stored: MachineProvenance | null,
  current: MachineProvenance,
): ProvenanceDifference[] {
  const differences: ProvenanceDifference[] = [];
  const compare = (kind: ProvenanceDifference['kind'], fields: Partial<Record<keyof MachineProvenance, string>>) => {
    for (const [field, label] of Object.entries(fields) as Array<[keyof MachineProvenance, string]>) {
      const before = stored ? stored[field] : null;
      if (before !== current[field])
        differences.push({ kind, field, label, stored: shown(before), current: shown(current[field]) });
    }
  };
  compare('build', BUILD_FIELDS);
  compare('machine', MACHINE_FIELDS);
  return differences;
}
