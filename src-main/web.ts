/**
 * Browser mode's entry (out/main/web.js): `node out/main/web.js [--port N] [--db FILE]` opens the lab with Node
 * trainer processes and serves the workbench at a printed, token-bearing URL on 127.0.0.1.
 */
import { join } from 'node:path';
import { createLab } from './service/lab';
import { forkTrainer } from './pool/fork-trainer';
import { defaultDatabasePath } from './store/paths';
import { startHost } from './host/server';
import { parseWebArgs, UsageError } from './host/webArgs';

async function main(argv: readonly string[]): Promise<void> {
  const options = parseWebArgs(argv);
  const here = import.meta.dirname;
  const lab = createLab({ dbFile: options.db ?? defaultDatabasePath(), spawn: forkTrainer({ entry: join(here, 'trainer.js') }) });
  const host = await startHost({ lab, port: options.port, staticDir: join(here, '../renderer') }).catch(async (error: unknown) => {
    await lab.close();
    throw error;
  });
  console.log(`Two-Timescale Lab (browser mode) is running: open ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void host.close().then(() => lab.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError;
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'EADDRINUSE' ? 'that port is already in use; pick another with --port, or --port 0 for a free one' : (error as Error).message;
  console.error(`ttlab web: ${message}`);
  process.exit(usage ? 2 : 1);
});
