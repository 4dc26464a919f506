// Ctrl+C or SIGTERM while `npm start` or `npm run web` is still building or looking for Electron: a clean stop with
// exit code 0, not the default action (which ends the process with no exit code). The handler steps aside as soon as
// browser mode (src-main/host/shutdown.ts) or the Electron launcher installs its own.
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'];

export function exitOnEarlySignals() {
  for (const signal of STOP_SIGNALS) process.on(signal, () => process.listenerCount(signal) === 1 && process.exit(0));
}
