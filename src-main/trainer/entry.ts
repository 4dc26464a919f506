/**
 * The trainer process: started by the pool (Electron utilityProcess.fork or Node child_process.fork), it trains one
 * run and streams its checkpoints back, with the session's state every few seconds so that an interrupted run can be
 * resumed. TTLAB_TRAINER_FAULT=throw|exit injects a fault for tests; TTLAB_STATE_INTERVAL_MS sets how often the state
 * is sent (0: after every chunk, for tests).
 */
import { createRunSession } from '#shared/run/session';
import { connectToParent } from './channel';
import { serveTrainer } from './serve';
import { watchParent } from './watchdog';
import { parseFault, parseStateInterval } from './trainerRun';

serveTrainer(
  connectToParent(),
  createRunSession,
  parseFault(process.env.TTLAB_TRAINER_FAULT),
  parseStateInterval(process.env.TTLAB_STATE_INTERVAL_MS),
);
// A trainer outlives a killed parent only as long as the watcher takes to notice (see watchdog.ts).
watchParent();
