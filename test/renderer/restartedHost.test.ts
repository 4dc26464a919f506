// @vitest-environment happy-dom
/**
 * A page whose lab was restarted (new token) stops retrying, says so plainly, and fails its waiting requests instead
 * of hanging on "Starting…"; a lab that is only away is retried, and said to be stopped after a few attempts.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import {
  createSocketTransport,
  pageProbe,
  type ConnectionState,
  type HostProbe,
  type SocketLike,
} from '../../src-renderer/src/api/socketTransport';
import ConnectionBanner from '../../src-renderer/src/components/ConnectionBanner.vue';

/** A socket that never opens: the host is gone, or refuses the upgrade. */
function failingSocket(): SocketLike {
  const socket: SocketLike = {
    readyState: 3,
    send: () => {},
    close: () => {},
    onopen: null,
    onclose: null,
    onerror: null,
    onmessage: null,
  };
  queueMicrotask(() => socket.onclose?.({}));
  return socket;
}

function transportWith(probe: HostProbe) {
  const states: ConnectionState[] = [];
  let changed = () => {};
  const transport = createSocketTransport({
    url: 'ws://host/api?token=old',
    createSocket: failingSocket,
    probe,
    onState: (state) => {
      states.push(state);
      changed();
    },
    initialDelayMs: 1,
    maxDelayMs: 1,
  });
  /** Resolves once a state satisfies `test`. */
  const until = (test: (state: ConnectionState) => boolean) =>
    new Promise<ConnectionState>((resolve) => {
      const check = () => {
        const found = states.find(test);
        if (found) resolve(found);
      };
      changed = check;
      check();
    });
  return { transport, states, until };
}

describe('a restarted lab', () => {
  it('stops retrying, fails waiting requests, and refuses new ones, all saying so', async () => {
    const probe = vi.fn<HostProbe>(async () => 'refused');
    const { transport, until, states } = transportWith(probe);
    const waiting = transport.invoke('startRun', {});
    await until((state) => state.kind === 'restarted');
    await expect(waiting).rejects.toThrow(/the lab was restarted/);
    await expect(transport.invoke('listRuns', {})).rejects.toThrow(/open it again/);
    expect(states.filter((state) => state.kind === 'reconnecting')).toEqual([]);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('is retried while it does not answer at all', async () => {
    const { transport, until } = transportWith(async () => 'unreachable');
    await until((state) => state.attempt >= 3);
    transport.close();
  });
});

describe('pageProbe', () => {
  const answering = (status: number) => (async () => new Response('', { status })) as unknown as typeof fetch;
  it.each([
    [401, 'refused'],
    [403, 'refused'],
    [200, 'reachable'],
  ] as const)('reads status %d as %s', async (status, answer) => {
    expect(await pageProbe('http://127.0.0.1:1/?token=old', answering(status))()).toBe(answer);
  });

  it('reads a failed request as unreachable', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await pageProbe('http://127.0.0.1:1/', failing)()).toBe('unreachable');
  });
});

describe('the connection banner', () => {
  const banner = (state: Partial<ConnectionState>) =>
    mount(ConnectionBanner, {
      props: { state: { kind: 'reconnecting', attempt: 1, retryInMs: 2000, opened: 1, ...state } },
    }).text();

  it('says how to open a restarted lab again', () => {
    expect(banner({ kind: 'restarted', retryInMs: null })).toMatch(
      /The lab was restarted.*Open the lab again from the address it printed/s,
    );
  });

  it('says a lab that keeps not answering may be stopped, and how to start it', () => {
    expect(banner({ attempt: 1 })).toMatch(/Reconnecting in 2 s \(attempt 1\)/);
    expect(banner({ attempt: 6 })).toMatch(/may have been stopped\. Start it again/);
  });
});
