// `npm start`: the desktop app when Electron can run here, otherwise the same workbench in browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findElectron, withoutRunAsNode } from './electron-runtime.mjs';
import { exitOnEarlySignals, STOP_SIGNALS } from './early-signals.mjs';
import { ensureBuild, projectRoot } from './ensure-build.mjs';

exitOnEarlySignals();
if (!ensureBuild()) process.exit(1);
const electron = await findElectron();
if ('binary' in electron) {
  // Started on the project folder, Electron reads package.json (main, productName: the userData folder's name).
  const app = spawn(electron.binary, [projectRoot], { stdio: 'inherit', env: withoutRunAsNode(process.env) });
  for (const signal of STOP_SIGNALS) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`Electron runtime unavailable (${electron.reason}); starting the workbench in browser mode instead.`);
  await import(pathToFileURL(join(projectRoot, 'out/main/web.js')).href);
}
