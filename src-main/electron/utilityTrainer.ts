/** Trainer processes as Electron utility processes (the Electron counterpart of pool/fork-trainer.ts). */
import { utilityProcess } from 'electron';
import type { ChildHandle, SpawnTrainer } from '../pool/fork-trainer';

/** `entry` is out/main/trainer.js; call the returned spawner only after the app is ready. */
export function utilityTrainer(entry: string): SpawnTrainer {
  return (): ChildHandle => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'trainer' });
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
