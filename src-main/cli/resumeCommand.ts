/**
 * `ttlab resume (--run ID | --sweep ID) [--db FILE] [--json]`: goes on with a run that was cancelled, interrupted or
 * killed, from its last saved state (in this process, the fastest path), or with every such run of a sweep (on all
 * cores); runs that reached their end are kept as they are.
 */
import { finishedStatuses } from '#shared/api/contract';
import { forkTrainer } from '../pool';
import { createLabOnStore } from '../service/lab';
import { resultFromDetail, type RunResult, type RunStore } from '../store';
import { exactlyOne, parseFlags } from './args';
import { asUsage } from './flagSchema';
import { jsonText } from './jsonOutput';
import { openCliStore } from './database';
import { runLocally } from './localRun';
import { ProgressBar } from './progress';
import { describeResult } from './result';

async function resumeRun(store: RunStore, runId: string): Promise<RunResult> {
  const { config, resume, durationMs } = await asUsage(() => store.prepareResume(runId));
  const { name } = store.getRun(runId);
  const from = resume
    ? `step ${resume.trainer.step} (checkpoint ${resume.recorded})`
    : 'its first step (no saved state)';
  process.stderr.write(`resuming ${name} from ${from}\n`);
  const bar = new ProgressBar(name, ' steps');
  const result = await runLocally(config, {
    name,
    store,
    resume: { runId, snapshot: resume, durationMs },
    onProgress: (step, total) => bar.update(step, total),
  });
  bar.done(describeResult(result));
  return result;
}

async function resumeSweep(store: RunStore, sweepId: string): Promise<RunResult[]> {
  const lab = createLabOnStore({ store, spawn: forkTrainer() });
  try {
    const waiting = new Set<string>();
    const bar = new ProgressBar(`sweep ${sweepId}`, ' runs');
    let total = 0;
    const allEnded = new Promise<void>((resolve) => {
      const off = lab.events.on('run:status', ({ runId, status }) => {
        if (!finishedStatuses.includes(status) || !waiting.delete(runId)) return;
        bar.update(total - waiting.size, total, true);
        if (waiting.size === 0) {
          off();
          resolve();
        }
      });
    });
    const { resumed, finished } = await asUsage(() => lab.handlers.resumeSweep({ sweepId }));
    total = resumed.length;
    for (const { runId } of resumed) waiting.add(runId);
    process.stderr.write(`sweep ${sweepId}: ${finished} runs kept as they finished, ${resumed.length} resumed\n`);
    // Runs that ended before their ids were known here (a refusal) are no longer live.
    for (const { runId } of resumed) if (finishedStatuses.includes(store.getRun(runId).status)) waiting.delete(runId);
    if (waiting.size > 0) await allEnded;
    const results = resumed.map(({ runId }) => resultFromDetail(store.getRun(runId)));
    for (const result of results) bar.done(describeResult(result));
    return results;
  } finally {
    await lab.close();
  }
}

export async function resumeCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    run: { type: 'string' },
    sweep: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  });
  exactlyOne(values, { run: 'ID', sweep: 'ID' });
  const store = openCliStore(values.db, { mustExist: true });
  try {
    const results =
      values.run !== undefined ? [await resumeRun(store, values.run)] : await resumeSweep(store, values.sweep!);
    if (values.json) process.stdout.write(jsonText(values.run !== undefined ? results[0] : { runs: results }));
    return results.every((result) => result.status === 'done') ? 0 : 1;
  } finally {
    store.close();
  }
}
