/** installShutdown: what is open is closed newest first on the first signal, then exit 0; a second signal exits at once. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installShutdown } from '../../src-main/host/shutdown';

function harness(closeTimeoutMs?: number) {
  const signals = new EventEmitter();
  const events: string[] = [];
  let exited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const shutdown = installShutdown({
    signals,
    exit: (code) => {
      events.push(`exit ${code}`);
      exited(code);
    },
    log: (line) => events.push(line),
    closeTimeoutMs,
  });
  return { signals, events, exitCode, shutdown };
}

describe('installShutdown', () => {
  it.each(['SIGINT', 'SIGTERM'])('on %s closes what is open, newest first, then exits with 0', async (signal) => {
    const { signals, events, exitCode, shutdown } = harness();
    shutdown.add(async () => void events.push('close lab'));
    shutdown.add(async () => void events.push('close host'));
    expect(shutdown.requested).toBe(false);
    signals.emit(signal);
    expect(shutdown.requested).toBe(true);
    expect(await exitCode).toBe(0);
    expect(events).toEqual(['close host', 'close lab', 'exit 0']);
  });

  it('exits with 0 when nothing is open yet', async () => {
    const { signals, exitCode } = harness();
    signals.emit('SIGTERM');
    expect(await exitCode).toBe(0);
  });

  it('keeps closing the rest when one close fails, and says so', async () => {
    const { signals, events, exitCode, shutdown } = harness();
    shutdown.add(async () => void events.push('close lab'));
    shutdown.add(() => Promise.reject(new Error('socket already gone')));
    signals.emit('SIGINT');
    expect(await exitCode).toBe(0);
    expect(events).toEqual(['While stopping: socket already gone', 'close lab', 'exit 0']);
  });

  it('exits at once with 1 on a second signal while closing', async () => {
    const { signals, events, exitCode, shutdown } = harness();
    shutdown.add(() => new Promise(() => {}));
    signals.emit('SIGINT');
    signals.emit('SIGINT');
    expect(await exitCode).toBe(1);
    expect(events).toEqual(['exit 1']);
  });

  it('exits with 1 when closing never finishes', async () => {
    const { signals, events, exitCode, shutdown } = harness(1);
    shutdown.add(() => new Promise(() => {}));
    signals.emit('SIGTERM');
    expect(await exitCode).toBe(1);
    expect(events).toEqual(['Closing took too long; stopping anyway.', 'exit 1']);
  });
});
