/**
 * A parent for the orphan test: starts one trainer process on a long gradient-flow run (m = 3,000) and prints
 * `pid <trainer pid>` once the run has started. The test then kills this process with SIGKILL.
 */
import { parseRunConfig } from '#shared/config/schema';
import { forkTrainer } from '../../src-main/pool/forkTrainer';

const child = forkTrainer()();
const config = parseRunConfig({
  trainer: 'gradient-flow',
  network: { m: 3000 },
  duration: { kind: 'tau', tauMax: 10 },
  ode: { steps: 1000 },
});
child.onMessage((message) => {
  if ((message as { type?: string }).type === 'started') process.stdout.write(`pid ${child.pid}\n`);
});
child.send({ type: 'start', runId: 'orphan-test', config });
