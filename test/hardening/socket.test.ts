/**
 * No reply can crash the host (a reply that cannot be encoded is answered with a typed error),
 * and a client that stops reading costs the host a bounded backlog, not the whole checkpoint stream.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointSeries, LabHandlers } from '#shared/api/contract';
import { MAX_CLIENT_BACKLOG_BYTES, serveApiSocket } from '../../src-main/host/apiSocket';
import { nodeWire } from '../../src-main/host/wireCodec';
import { createStubLab, type StubLab } from '../host/stubLab';

interface Connection {
  client: WebSocket;
  /** The host's end of the connection. */
  served: WebSocket;
  close(): Promise<void>;
}

const open: Connection[] = [];
afterEach(async () => {
  for (const connection of open.splice(0)) await connection.close();
});

/** A WebSocket served by serveApiSocket on `lab`, and a client connected to it. */
async function connect(lab: StubLab): Promise<Connection> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const served = new Promise<WebSocket>((resolve) =>
    server.once('connection', (socket) => {
      serveApiSocket(socket, lab);
      resolve(socket);
    }),
  );
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise((resolve) => client.once('open', resolve));
  const connection = {
    client,
    served: await served,
    close: async () => {
      client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  open.push(connection);
  return connection;
}

function call(client: WebSocket, request: unknown): Promise<unknown> {
  const reply = new Promise((resolve) => client.once('message', (data) => resolve(nodeWire.decode(data.toString()))));
  client.send(nodeWire.encode(request));
  return reply;
}

describe('replies', () => {
  it('answers a reply that cannot be encoded with a typed error, and keeps serving', async () => {
    const lab = createStubLab();
    const cyclic: Record<string, unknown> = { runId: 'r1' };
    cyclic.self = cyclic;
    lab.handlers.getRun = (() => cyclic) as unknown as LabHandlers['getRun'];
    const { client } = await connect(lab);
    expect(await call(client, { id: 1, method: 'getRun', params: { runId: 'r1' } })).toEqual({
      id: 1,
      ok: false,
      error: { name: 'ReplyTooLargeError', message: expect.stringMatching(/too large to send in one reply/) },
    });
    expect(await call(client, { id: 2, method: 'getCheckpoints', params: { runId: 'r1' } })).toMatchObject({
      id: 2,
      ok: true,
    });
  });
});

/** A checkpoint event of about `bytes` bytes of doubles. */
function bigEvent(index: number, bytes: number): { runId: string; firstIndex: number; series: CheckpointSeries } {
  const width = bytes / 8;
  return {
    runId: 'r1',
    firstIndex: index,
    series: {
      runId: 'r1',
      count: 1,
      aLength: width,
      uLength: 0,
      step: Float64Array.of(index),
      tau: Float64Array.of(index),
      loss: Float64Array.of(1),
      limitLoss: null,
      covered: Float64Array.of(0),
      a: new Float64Array(width).fill(index),
      u: new Float64Array(0),
    },
  };
}

describe('a client that stops reading', () => {
  it('costs the host a bounded backlog, and still gets status events', async () => {
    const lab = createStubLab();
    const { client, served } = await connect(lab);
    const received: string[] = [];
    client.on('message', (data) => received.push((nodeWire.decode(data.toString()) as { event: string }).event));
    client.pause();
    const eventBytes = 1024 * 1024;
    // 200 MB of checkpoint events, far more than the socket buffers of the system hold.
    for (let i = 0; i < 200; i++) lab.emit('run:checkpoints', bigEvent(i, eventBytes));
    expect(served.bufferedAmount).toBeLessThan(MAX_CLIENT_BACKLOG_BYTES + 2 * eventBytes);
    lab.emit('run:status', { runId: 'r1', status: 'done', error: null });
    client.resume();
    await expect.poll(() => received.at(-1), { timeout: 20_000 }).toBe('run:status');
    const checkpointEvents = received.filter((event) => event === 'run:checkpoints').length;
    expect(checkpointEvents).toBeGreaterThan(0);
    expect(checkpointEvents).toBeLessThan(200);
  });
});
