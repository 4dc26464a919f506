/** An in-memory ChildHandle: the test plays the trainer process. */
import type { ChildHandle } from '../../src-main/pool/forkTrainer';

export interface ScriptedChild extends ChildHandle {
  /** Messages the pool sent. */
  received: unknown[];
  killed: boolean;
  /** Delivers a message as if the process had sent it. */
  emit(message: unknown): void;
  /** Ends the process. */
  exit(code: number | null, signal?: string | null): void;
}

export function scriptedChild(): ScriptedChild {
  const messageListeners: Array<(message: unknown) => void> = [];
  const exitListeners: Array<(code: number | null, signal?: string | null) => void> = [];
  const child: ScriptedChild = {
    received: [],
    killed: false,
    send: (message) => child.received.push(message),
    kill: () => {
      if (child.killed) return;
      child.killed = true;
      queueMicrotask(() => child.exit(null, 'SIGKILL'));
    },
    onMessage: (listener) => messageListeners.push(listener),
    onExit: (listener) => exitListeners.push(listener),
    emit: (message) => messageListeners.forEach((listener) => listener(message)),
    exit: (code, signal = null) => exitListeners.splice(0).forEach((listener) => listener(code, signal)),
  };
  return child;
}
