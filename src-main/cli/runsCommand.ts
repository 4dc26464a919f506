/** `ttlab runs [--db FILE] [--json]` */
import { printable } from '#shared/config/text';
import { parseFlags } from './args';
import { jsonText } from './jsonOutput';
import { openCliStore } from './database';

const fmt = (value: number | null) => (value === null ? '-' : value.toPrecision(4));

export async function runsCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
  const store = openCliStore(values.db, { mustExist: true, readonly: true });
  try {
    const runs = store.listRuns();
    if (values.json) {
      // Each run with the build and machine that computed it (null: stored before provenance was recorded).
      const traced = runs.map((run) => ({ ...run, provenance: store.getProvenance(run.id) }));
      process.stdout.write(jsonText(traced));
      return 0;
    }
    if (runs.length === 0) process.stdout.write(`no runs in ${store.file}\n`);
    // Names stored before they were validated, or imported, may hold escape sequences: shown, never obeyed.
    for (const run of runs) {
      const covered = run.coveredJumps === null ? '-' : `${run.coveredJumps}/${run.totalJumps}`;
      process.stdout.write(
        `${run.id}  ${run.status.padEnd(11)} ${printable(run.name).slice(0, 40).padEnd(40)} L=${fmt(run.finalLoss).padEnd(10)} covered ${covered.padEnd(5)} ${run.createdAt}\n`,
      );
    }
    return 0;
  } finally {
    store.close();
  }
}
