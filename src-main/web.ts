/**
 * Browser mode's entry (out/main/web.js): `node out/main/web.js [--port N] [--db FILE]` opens the lab with Node
 * trainer processes and serves the workbench at a printed, token-bearing URL on 127.0.0.1.
 */
import { join } from 'node:path';
import { errorMessage, UsageError } from '#shared/base/errors';
import { createLab } from './service/lab';
import { forkTrainer } from './pool/forkTrainer';
import { defaultDatabasePath } from './store/paths';
import { startHost } from './host/server';
import { portFile, readRememberedPort, rememberPort } from './host/rememberedPort';
import { installShutdown } from './host/shutdown';
import { parseWebArgs } from './host/webArgs';

async function main(argv: readonly string[]): Promise<void> {
  const options = parseWebArgs(argv);
  // Before anything opens: from here on, Ctrl+C or SIGTERM closes what is open and exits with 0.
  const shutdown = installShutdown();
  const here = import.meta.dirname;
  const dbFile = options.db ?? defaultDatabasePath();
  const lab = createLab({ dbFile, spawn: forkTrainer({ entry: join(here, 'trainer.js') }) });
  shutdown.add(() => lab.close());
  const staticDir = join(here, '../renderer');
  const remembered = options.port === undefined ? readRememberedPort(portFile(dbFile)) : null;
  const host = await startHost({ lab, port: options.port ?? remembered ?? 0, staticDir })
    // The last start's port may be taken by now: any free port then.
    .catch((error: unknown) => {
      if (remembered === null || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      return startHost({ lab, port: 0, staticDir });
    })
    .catch(async (error: unknown) => {
      await lab.close();
      throw error;
    });
  shutdown.add(() => host.close());
  rememberPort(portFile(dbFile), host.port);
  if (shutdown.requested) return;
  console.log(`Two-Timescale Lab (browser mode) is running: open ${host.url}`);
  console.log('Press Ctrl+C to stop.');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof UsageError;
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? 'that port is already in use; pick another with --port, or --port 0 for a free one'
      : errorMessage(error);
  console.error(`ttlab web: ${message}`);
  process.exit(usage ? 2 : 1);
});
