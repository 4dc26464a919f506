import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabApi } from '#shared/api/client';
import { browserWire } from '../../src-renderer/src/api/wireCodec';
import {
  apiSocketUrl,
  createSocketTransport,
  type ConnectionState,
  type SocketLike,
} from '../../src-renderer/src/api/socketTransport';

/** A socket the test opens, answers and drops by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; method: string; params: unknown }> = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(browserWire.decode(data) as FakeSocket['sent'][number]);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  push(message: unknown) {
    this.onmessage?.({ data: browserWire.encode(message) });
  }
}

describe('WebSocket transport', () => {
  let sockets: FakeSocket[];
  let states: ConnectionState[];
  const connect = () =>
    createSocketTransport({
      url: 'ws://host/api?token=t',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      onState: (state) => states.push(state),
      initialDelayMs: 100,
      maxDelayMs: 400,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('sends requests once open and resolves or rejects them from the replies, typed arrays included', async () => {
    const api = createLabApi(connect());
    const series = api.getCheckpoints({ runId: 'r1' });
    const run = api.getRun({ runId: 'nope' });
    expect(sockets[0].sent).toHaveLength(0);
    sockets[0].open();
    const [first, second] = sockets[0].sent;
    expect(first).toMatchObject({ method: 'getCheckpoints', params: { runId: 'r1' } });
    sockets[0].push({ id: second.id, ok: false, error: { name: 'NotFoundError', message: 'no run nope' } });
    sockets[0].push({ id: first.id, ok: true, result: { loss: new Float64Array([0.5, 0.25]) } });
    expect(((await series) as unknown as { loss: Float64Array }).loss).toEqual(new Float64Array([0.5, 0.25]));
    await expect(run).rejects.toMatchObject({ name: 'NotFoundError', message: 'no run nope' });
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    const api = createLabApi(connect());
    sockets[0].open();
    const seen: unknown[] = [];
    const off = api.on('run:status', (payload) => seen.push(payload));
    sockets[0].push({ event: 'run:status', payload: { runId: 'r', status: 'done', error: null } });
    sockets[0].push({ event: 'run:progress', payload: {} });
    off();
    sockets[0].push({ event: 'run:status', payload: { runId: 'r', status: 'failed', error: 'x' } });
    expect(seen).toEqual([{ runId: 'r', status: 'done', error: null }]);
  });

  it('reconnects with doubling delays, failing requests in flight and sending queued ones after', async () => {
    const api = createLabApi(connect());
    sockets[0].open();
    const lost = api.listRuns({});
    sockets[0].drop();
    await expect(lost).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 1, retryInMs: 100 });
    const later = api.listRuns({});
    vi.advanceTimersByTime(100);
    sockets[1].drop();
    expect(states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 2, retryInMs: 200 });
    vi.advanceTimersByTime(200);
    sockets[2].drop();
    vi.advanceTimersByTime(400);
    sockets[3].drop();
    expect(states.at(-1)).toMatchObject({ retryInMs: 400 });
    vi.advanceTimersByTime(400);
    sockets[4].open();
    expect(states.at(-1)).toEqual({ kind: 'open', attempt: 0, retryInMs: null, opened: 2 });
    const [request] = sockets[4].sent;
    expect(request.method).toBe('listRuns');
    sockets[4].push({ id: request.id, ok: true, result: [] });
    await expect(later).resolves.toEqual([]);
    expect(sockets.every((s) => s.url === 'ws://host/api?token=t')).toBe(true);
  });

  it('builds the socket address from the page address', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173', search: '?token=a%2Bb' })).toBe(
      'ws://127.0.0.1:5173/api?token=a%2Bb',
    );
    expect(apiSocketUrl({ protocol: 'https:', host: 'lab.example', search: '' })).toBe('wss://lab.example/api');
  });
});
