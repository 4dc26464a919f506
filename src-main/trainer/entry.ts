/**
 * The trainer process: started by the pool (Electron utilityProcess.fork or Node child_process.fork), it trains one
 * run and streams its checkpoints back. TTLAB_TRAINER_FAULT=throw|exit injects a fault for tests.
 */
import { createRunSession } from '../../src-shared/run/session';
import { connectToParent } from './channel';
import { serveTrainer } from './serve';
import { parseFault } from './trainer-run';

serveTrainer(connectToParent(), createRunSession, parseFault(process.env.TTLAB_TRAINER_FAULT));
