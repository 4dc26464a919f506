/**
 * The child's end of the channel to its parent: Electron's `process.parentPort` in a utility process, or Node's IPC
 * channel under `child_process.fork`. Electron is not imported: parentPort is only a property of `process` there.
 * The trainer speaks ChildMessage on it; the report render process (report/renderEntry.ts) its own replies.
 */
import type { ChildMessage } from './protocol';

export interface ParentChannel<Out = ChildMessage> {
  send(message: Out): void;
  /** Raw messages from the parent, not yet validated. */
  onMessage(listener: (raw: unknown) => void): void;
}

/** The part of Electron's `ParentPort` the trainer uses. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function connectToParent<Out = ChildMessage>(): ParentChannel<Out> {
  const parentPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send)
    throw new Error('this script runs as a child process: start it with utilityProcess.fork or child_process.fork');
  // An orphaned child has nobody to report to.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => send(message),
    onMessage: (listener) => process.on('message', listener),
  };
}
