/**
 * `ttlab verify --run ID [--db FILE] [--json]`: trains a stored run again from its configuration and seed and compares
 * every stored checkpoint bit for bit. Exit code 0 identical, 1 different, 2 bad input.
 */
import { NotFoundError, RunStateError, UsageError } from '#shared/base/errors';
import { describeVerify } from '#shared/run/verify';
import { forkTrainer } from '../pool';
import { createLabOnStore } from '../service/lab';
import { parseFlags } from './args';
import { jsonText } from './jsonOutput';
import { openCliStore } from './database';

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { run: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } });
  if (values.run === undefined) throw new UsageError('--run: give the id of the run to verify (ttlab runs lists them)');
  const store = openCliStore(values.db, { mustExist: true });
  const lab = createLabOnStore({ store, spawn: forkTrainer(), poolSize: 1 });
  try {
    let result;
    try {
      result = await lab.handlers.verifyRun({ runId: values.run });
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof RunStateError)
        throw new UsageError(`--run: ${error.message}`);
      throw error;
    }
    process.stdout.write(values.json ? jsonText(result) : `${describeVerify(result)}\n`);
    return result.identical ? 0 : 1;
  } finally {
    await lab.close();
    store.close();
  }
}
