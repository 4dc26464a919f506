/**
 * Trainer processes as Electron utility processes (the Electron counterpart of pool/forkTrainer.ts); the render
 * process of report exports (report/renderProcess.ts) is started the same way.
 */
import { utilityProcess } from 'electron';
import type { ChildHandle, SpawnTrainer } from '../pool/forkTrainer';

/**
 * `entry` is out/main/trainer.js (or reportRenderer.js), `serviceName` the process's name in the system's task
 * manager; call the returned spawner only after the app is ready.
 */
export function utilityTrainer(entry: string, serviceName = 'trainer'): SpawnTrainer {
  return (): ChildHandle => {
    const child = utilityProcess.fork(entry, [], { serviceName });
    let alive = true;
    child.once('exit', () => {
      alive = false;
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (alive) child.postMessage(message);
      },
      kill: () => {
        if (alive) child.kill();
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
    };
  };
}
