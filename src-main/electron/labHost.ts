/**
 * The lab behind the window, on one database file at a time. File > Open Database... moves it to another file: the
 * new lab is opened first, so a refused file leaves the current one running untouched; then the old lab closes
 * (its trainers stop, its runs end 'interrupted', its store closes).
 */
import type { LabEndpoint } from '../serve/endpoint';
import type { Lab } from '../service/lab';
import type { RunStore } from '../store';
import { sameFile } from './sameFile';

export class LabHost implements LabEndpoint {
  private lab: Lab;
  /** Old labs still closing. */
  private readonly closing = new Set<Promise<void>>();

  /** `open` makes a lab on a database file and throws (DatabaseOpenError...) when the file cannot be used. */
  constructor(
    private readonly open: (file: string) => Lab,
    file: string,
  ) {
    this.lab = open(file);
  }

  /** The current lab's handlers: IPC requests always reach the lab of the moment. */
  get handlers(): Lab['handlers'] {
    return this.lab.handlers;
  }

  /** The current lab's events; subscribe again after `switchTo`. */
  get events(): Lab['events'] {
    return this.lab.events;
  }

  get store(): RunStore {
    return this.lab.store;
  }

  get file(): string {
    return this.lab.store.file;
  }

  /** Moves to the database `file`; resolves false (nothing done) when that is the open one already. */
  async switchTo(file: string): Promise<boolean> {
    if (sameFile(file, this.file)) return false;
    const next = this.open(file);
    const previous = this.lab;
    this.lab = next;
    const closed = previous.close().finally(() => this.closing.delete(closed));
    this.closing.add(closed);
    await closed;
    return true;
  }

  /** Closes the current lab and waits for any old one still closing. */
  async close(): Promise<void> {
    await Promise.allSettled([this.lab.close(), ...this.closing]);
  }
}

/** A host on the database opened last when it still opens, else on `fallback` after `warn` has said why. */
export function hostOnRemembered(
  open: (file: string) => Lab,
  remembered: string | undefined,
  fallback: string,
  warn: (file: string, error: unknown) => void,
): LabHost {
  if (remembered !== undefined && remembered !== fallback) {
    try {
      return new LabHost(open, remembered);
    } catch (error) {
      warn(remembered, error);
    }
  }
  return new LabHost(open, fallback);
}
