import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventNames } from '#shared/api/contract';
import { MAX_MESSAGE_BYTES, startHost, type RunningHost } from '../../src-main/host/server';
import { nodeWire } from '../../src-main/host/wireCodec';
import { nextMessage, openSocket } from './request';
import { createStubLab, stubSeries, type StubLab } from './stubLab';

let sandbox: string;
let lab: StubLab;
let host: RunningHost;
let socket: WebSocket;

async function connect(): Promise<WebSocket> {
  const opened = await openSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  if (typeof opened === 'number') throw new Error(`upgrade refused with ${opened}`);
  return opened;
}

/** Sends one request in the wire encoding and waits for the reply. */
async function call(request: unknown): Promise<unknown> {
  const reply = nextMessage(socket, nodeWire.decode);
  socket.send(nodeWire.encode(request));
  return reply;
}

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'ttlab-api-'));
  mkdirSync(join(sandbox, 'renderer'));
  writeFileSync(join(sandbox, 'renderer', 'index.html'), '<!doctype html>');
  lab = createStubLab();
  host = await startHost({ lab, staticDir: join(sandbox, 'renderer') });
});

beforeEach(async () => {
  if (!socket || socket.readyState !== socket.OPEN) socket = await connect();
});

afterAll(async () => {
  await host.close();
  rmSync(sandbox, { recursive: true, force: true });
});

describe('requests', () => {
  it('returns a handler result with its typed arrays intact, bit for bit', async () => {
    const reply = (await call({ id: 7, method: 'getCheckpoints', params: { runId: 'r1' } })) as {
      id: number;
      ok: boolean;
      result: Record<string, unknown>;
    };
    expect(reply.id).toBe(7);
    expect(reply.ok).toBe(true);
    const expected = stubSeries('r1');
    for (const column of ['step', 'tau', 'loss', 'covered', 'a', 'u'] as const) {
      expect(reply.result[column]).toBeInstanceOf(Float64Array);
      expect(Array.from(reply.result[column] as Float64Array)).toEqual(Array.from(expected[column]));
    }
    expect(reply.result.limitLoss).toBeNull();
    expect(lab.calls.at(-1)).toEqual({ method: 'getCheckpoints', params: { runId: 'r1' } });
  });

  it('answers concurrent requests by id', async () => {
    const replies: Array<{ id: string; result: unknown }> = [];
    const twoReplies = new Promise<void>((resolve) =>
      socket.on('message', function collect(data) {
        replies.push(nodeWire.decode(data.toString()) as { id: string; result: unknown });
        if (replies.length === 2) {
          socket.off('message', collect);
          resolve();
        }
      }),
    );
    socket.send(nodeWire.encode({ id: 'a', method: 'cancelRun', params: { runId: 'x' } }));
    socket.send(nodeWire.encode({ id: 'b', method: 'getCheckpoints', params: { runId: 'r1' } }));
    await twoReplies;
    expect(replies.map((reply) => reply.id).sort()).toEqual(['a', 'b']);
    expect(replies.find((reply) => reply.id === 'a')?.result).toEqual({ cancelled: true });
  });

  it('carries named errors: handler failures, invalid parameters, unknown methods', async () => {
    expect(await call({ id: 1, method: 'getCheckpoints', params: { runId: 'missing' } })).toEqual({
      id: 1,
      ok: false,
      error: { name: 'NotFoundError', message: 'no run missing' },
    });
    const invalid = (await call({ id: 2, method: 'getCheckpoints', params: { runId: 5 } })) as {
      ok: boolean;
      error: { name: string };
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.name).toBe('ValidationError');
    const unknown = (await call({ id: 3, method: '__proto__', params: {} })) as {
      ok: boolean;
      error: { name: string };
    };
    expect(unknown).toMatchObject({ id: 3, ok: false, error: { name: 'UnknownMethodError' } });
  });

  it('answers malformed messages with an error and keeps serving', async () => {
    for (const text of [
      '{not json',
      '[1,2]',
      '"text"',
      JSON.stringify({ method: 'listRuns' }),
      JSON.stringify({ id: { nested: 1 }, method: 'listRuns' }),
    ]) {
      const reply = nextMessage(socket, nodeWire.decode);
      socket.send(text);
      expect(await reply).toMatchObject({ id: null, ok: false, error: { name: 'BadRequestError' } });
    }
    const binary = nextMessage(socket, nodeWire.decode);
    socket.send(Buffer.from('{}'), { binary: true });
    expect(await binary).toMatchObject({ id: null, ok: false, error: { name: 'BadRequestError' } });
    expect(await call({ id: 9, method: 'cancelRun', params: { runId: 'x' } })).toEqual({
      id: 9,
      ok: true,
      result: { cancelled: true },
    });
  });

  it('closes an oversized message with code 1009 and serves the next connection', async () => {
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    socket = await connect();
    expect(await call({ id: 1, method: 'cancelRun', params: { runId: 'x' } })).toMatchObject({ ok: true });
  });
});

describe('events', () => {
  it('pushes lab events with typed arrays to every client, and unsubscribes on disconnect', async () => {
    const second = await connect();
    const baseline = lab.listenerCount();
    const series = stubSeries('r1');
    const onFirst = nextMessage(socket, nodeWire.decode);
    const onSecond = nextMessage(second, nodeWire.decode);
    lab.emit('run:checkpoints', { runId: 'r1', firstIndex: 3, series });
    for (const message of [await onFirst, await onSecond]) {
      const { event, payload } = message as {
        event: string;
        payload: { firstIndex: number; series: { a: Float64Array } };
      };
      expect(event).toBe('run:checkpoints');
      expect(payload.firstIndex).toBe(3);
      expect(payload.series.a).toEqual(series.a);
    }
    const closed = new Promise((resolve) => second.once('close', resolve));
    second.close();
    await closed;
    await expect.poll(() => lab.listenerCount()).toBe(baseline - eventNames.length);
  });

  it('sends a status event as the lab emits it', async () => {
    const message = nextMessage(socket, nodeWire.decode);
    lab.emit('run:status', { runId: 'r2', status: 'failed', error: 'trainer crashed' });
    expect(await message).toEqual({
      event: 'run:status',
      payload: { runId: 'r2', status: 'failed', error: 'trainer crashed' },
    });
  });
});
