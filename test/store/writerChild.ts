/**
 * A trainer-like writer for the crash test: opens the store at argv[2], starts one run, then appends batches of 10
 * checkpoints of 1,000 neurons forever, printing `saved <count>` after each committed batch until it is killed.
 */
import { openStore } from '../../src-main/store/index';
import { checkpoints, smallConfig } from './fixtures';

const BATCH = 10;
const store = openStore(process.argv[2]);
const runId = store.createRun({ config: smallConfig({ network: { m: 1000 } }), name: 'killed mid-run' });
store.markRunning(runId, 1_000_000);
process.stdout.write(`run ${runId}\n`);
for (let saved = 0; ; saved += BATCH) {
  store.appendCheckpoints(runId, saved, checkpoints(saved, BATCH, 1000));
  store.updateProgress(runId, (saved + BATCH) * 10);
  process.stdout.write(`saved ${saved + BATCH}\n`);
}
