/**
 * The lab's render process (renderEntry.ts), seen from the host: started on the first export with the trainer's
 * launcher (Node child_process.fork here, Electron utilityProcess.fork in the app), reused for every later one, killed
 * when the lab closes, and started again after it died. A render process that dies with requests unanswered (a crash
 * in resvg on a malformed chart aborts the whole process) answers each of them with RenderExitError; the host goes on.
 */
import { errorMessage, RemoteError, RenderExitError, type ErrorData } from '#shared/base/errors';
import { forkTrainer, type ChildHandle, type SpawnTrainer } from '../pool/forkTrainer';
import { entryFile } from '../threads/startWorker';
import type { RenderRequest } from './renderJob';

/** What the host sends: a request and its number, which the reply carries back. */
export interface RenderMessage {
  id: number;
  request: RenderRequest;
}

export type RenderReply = { id: number; ok: true; data: Uint8Array } | { id: number; ok: false; error: ErrorData };

/** Starts render processes with Node's child_process.fork: the TypeScript entry through tsx in development, else out/main/reportRenderer.js. */
export function forkRenderer(env?: NodeJS.ProcessEnv): SpawnTrainer {
  return forkTrainer({ entry: entryFile(import.meta.url, 'renderEntry.ts', 'reportRenderer.js'), env });
}

interface Pending {
  child: ChildHandle;
  resolve: (data: Uint8Array) => void;
  reject: (error: Error) => void;
}

function ending(code: number | null, signal: string | null | undefined): string {
  if (signal) return `was killed by ${signal}`;
  if (code !== null) return `exited with code ${code}`;
  return 'could not start';
}

function isReply(raw: unknown): raw is RenderReply {
  if (typeof raw !== 'object' || raw === null) return false;
  const reply = raw as Partial<Record<string, unknown>>;
  return (
    typeof reply.id === 'number' &&
    (reply.ok === true
      ? reply.data instanceof Uint8Array
      : reply.ok === false && typeof reply.error === 'object' && reply.error !== null)
  );
}

export class ReportRenderer {
  /** The live render process, if one is started. */
  private child: ChildHandle | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;
  /** Resolves when the last process started has exited. */
  private exited: Promise<void> = Promise.resolve();

  /** `spawn` starts one render process (forkRenderer, or Electron's utilityProcess in the app). */
  constructor(private readonly spawn: SpawnTrainer = forkRenderer()) {}

  /** The bytes `request` asks for; rejects with the renderer's error (its name kept), or RenderExitError when the process died first. */
  render(request: RenderRequest): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new RenderExitError('the lab is closing: nothing more is rendered'));
    return new Promise((resolve, reject) => {
      let child: ChildHandle;
      try {
        child = this.child ?? this.start();
      } catch (error) {
        reject(new RenderExitError(`the render process could not start: ${errorMessage(error)}`));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { child, resolve, reject });
      child.send({ id, request } satisfies RenderMessage);
    });
  }

  /** Kills the render process (unanswered requests get RenderExitError); resolves once it has exited. */
  close(): Promise<void> {
    this.closed = true;
    this.child?.kill();
    return this.exited;
  }

  private start(): ChildHandle {
    const child = this.spawn();
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.onExit((code, signal) => {
        if (this.child === child) this.child = null;
        const error = new RenderExitError(
          `the render process ${ending(code, signal)} before it answered: nothing was made; the next export starts a new one`,
        );
        for (const [id, pending] of this.pending) {
          if (pending.child !== child) continue;
          this.pending.delete(id);
          pending.reject(error);
        }
        resolve();
      });
    });
    child.onMessage((raw) => {
      if (!isReply(raw)) return;
      const pending = this.pending.get(raw.id);
      if (!pending) return;
      this.pending.delete(raw.id);
      if (raw.ok) pending.resolve(raw.data);
      else pending.reject(new RemoteError(raw.error));
    });
    return child;
  }
}
