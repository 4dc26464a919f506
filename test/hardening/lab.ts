/** A lab on an in-memory store whose trainer processes never answer: runs stay queued or running until cancelled. */
import type { ChildHandle } from '../../src-main/pool/forkTrainer';
import { createLabOnStore, type Lab } from '../../src-main/service/lab';
import { openStore, type RunStore } from '../../src-main/store';

/** A trainer process that stays silent until killed. */
export function silentChild(): ChildHandle {
  const exitListeners: Array<(code: number | null, signal?: string | null) => void> = [];
  let alive = true;
  return {
    pid: undefined,
    send: () => undefined,
    kill: () => {
      if (!alive) return;
      alive = false;
      exitListeners.forEach((listener) => listener(null, 'SIGKILL'));
    },
    onMessage: () => undefined,
    onExit: (listener) => void exitListeners.push(listener),
  };
}

export function silentLab(store: RunStore = openStore(':memory:')): Lab & { dispose(): Promise<void> } {
  const lab = createLabOnStore({ store, spawn: silentChild, poolSize: 1 });
  return {
    ...lab,
    dispose: async () => {
      await lab.close();
      store.close();
    },
  };
}
