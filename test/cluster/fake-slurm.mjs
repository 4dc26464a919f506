// A fake Slurm for the submit / status / retry tests: `sbatch` and `squeue` (called through small wrappers on PATH)
// play the scenario in $FAKE_SLURM_DIR/scenario.json. Each job of the scenario, by id (ids count from 100), has
// `snapshots`: what squeue says about it at its 1st, 2nd, ... poll after submission (the last one stays), and
// `complete`: shards whose report says all their points are done. `refuse`: sbatch refuses with this message.
import fs from 'node:fs';
import path from 'node:path';

const [command, ...args] = process.argv.slice(2);
const dir = process.env.FAKE_SLURM_DIR;
const read = (file, fallback) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : fallback);
const scenario = read(path.join(dir, 'scenario.json'), {});
const statePath = path.join(dir, 'state.json');
const state = read(statePath, { next: 100, polls: 0, submitted: {} });
fs.appendFileSync(path.join(dir, 'calls.jsonl'), `${JSON.stringify([command, ...args])}\n`);

function writeReport(folder, shard) {
  const plan = JSON.parse(fs.readFileSync(path.join(folder, 'sweep.json'), 'utf8'));
  const count = plan.slurm.tasks;
  const points = Math.ceil((plan.points.length - shard) / count);
  const report = {
    sweepId: plan.sweepId,
    shard: { index: shard, count },
    points,
    complete: points,
    missing: [],
    ended: true,
    updatedAt: new Date().toISOString(),
    host: 'fake',
  };
  fs.writeFileSync(path.join(folder, 'shards', `shard-${shard}-of-${count}.json`), JSON.stringify(report));
}

if (command === 'sbatch') {
  if (scenario.refuse) {
    process.stderr.write(`${scenario.refuse}\n`);
    process.exit(1);
  }
  const id = String(state.next++);
  state.submitted[id] = state.polls;
  for (const shard of scenario.jobs?.[id]?.complete ?? []) writeReport(path.dirname(args.at(-1)), shard);
  fs.writeFileSync(statePath, JSON.stringify(state));
  process.stdout.write(`${id};fake\n`);
} else if (command === 'squeue') {
  state.polls++;
  fs.writeFileSync(statePath, JSON.stringify(state));
  const ids = args[args.indexOf('-j') + 1].split(',');
  for (const id of ids) {
    const snapshots = scenario.jobs?.[id]?.snapshots ?? [];
    if (snapshots.length === 0 || state.submitted[id] === undefined) continue;
    const snapshot = snapshots[Math.min(state.polls - state.submitted[id] - 1, snapshots.length - 1)];
    for (const [key, value] of Object.entries(snapshot)) process.stdout.write(`${key} ${value}\n`);
  }
}
