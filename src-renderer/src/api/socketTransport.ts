/**
 * The LabApi transport of browser mode: one WebSocket speaking `{ id, method, params }` -> `{ id, ok, result | error }`
 * plus pushed `{ event, payload }`, in the wire encoding. It reconnects with exponential backoff when the socket drops;
 * requests made meanwhile wait for the next connection, requests in flight at the drop fail with a ConnectionError.
 */
import type { LabEventName, LabMethod, WireError } from '#shared/api/contract';
import type { Transport } from '#shared/api/client';
import { ConnectionError, RemoteError } from '#shared/base/errors';
import { browserWire } from './wireCodec';

/**
 * What the connection is doing, for the banner. `restarted`: the host answers but refuses this page's token, so the
 * lab was started again (with a new token) and this page can never reconnect: it must be opened again.
 */
export interface ConnectionState {
  kind: 'connecting' | 'open' | 'reconnecting' | 'restarted';
  /** Failed attempts since the last open connection. */
  attempt: number;
  /** Milliseconds until the next attempt while reconnecting, else null. */
  retryInMs: number | null;
  /** Number of times a connection opened: a value above 1 means events may have been missed since the first. */
  opened: number;
}

/**
 * Asks the page's host, after the socket dropped, whether it is there: `refused` (it answers but refuses our token),
 * `unreachable` (nothing answers) or `reachable`. A browser WebSocket cannot see why an upgrade failed; a plain request can.
 */
export type HostProbe = () => Promise<'refused' | 'unreachable' | 'reachable'>;

/** The part of the DOM WebSocket the transport uses (a fake stands in for it in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface SocketTransportOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  onState?: (state: ConnectionState) => void;
  /** Checked after every drop; without it the transport retries forever. */
  probe?: HostProbe;
  /** First retry delay, doubled after each failure up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface SocketTransport extends Transport {
  close(): void;
}

const OPEN = 1;
const RESTARTED_MESSAGE = 'the lab was restarted: open it again from the address it printed';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Whether the request went out on the current socket (else it waits in the queue). */
  sent: boolean;
  message: string;
}

/** A reply `{ id, ok, result | error }` or a pushed `{ event, payload }`, before checking which. */
interface Incoming {
  id?: unknown;
  ok?: boolean;
  result?: unknown;
  error?: WireError;
  event?: LabEventName;
  payload?: unknown;
}

export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>();
  let state: ConnectionState = { kind: 'connecting', attempt: 0, retryInMs: null, opened: 0 };
  let socket: SocketLike | null = null;
  let nextId = 1;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setState = (next: Partial<ConnectionState>) => {
    state = { ...state, ...next };
    options.onState?.(state);
  };

  function flush() {
    for (const request of pending.values()) {
      if (!request.sent && socket?.readyState === OPEN) {
        socket.send(request.message);
        request.sent = true;
      }
    }
  }

  function receive(text: unknown) {
    let message: Incoming;
    try {
      message = browserWire.decode(String(text)) as Incoming;
    } catch {
      return;
    }
    if (typeof message.event === 'string') {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload));
      return;
    }
    const id = typeof message.id === 'number' ? message.id : -1;
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (message.ok) request.resolve(message.result);
    else
      request.reject(
        new RemoteError(message.error ?? { name: 'Error', message: 'the lab answered without an error message' }),
      );
  }

  /** Rejects the requests in flight, or (`all`) every pending one, with a ConnectionError saying `why`. */
  function fail(why: string, all: boolean) {
    for (const [id, request] of pending) {
      if (!request.sent && !all) continue;
      pending.delete(id);
      request.reject(new ConnectionError(why));
    }
  }

  function dropped() {
    socket = null;
    fail('the connection to the lab closed before it answered', false);
    if (closed) return;
    if (!options.probe) return retry();
    void options.probe().then((answer) => (answer === 'refused' ? stranded() : retry()));
  }

  function retry() {
    if (closed) return;
    const delay = Math.min(maxDelay, initialDelay * 2 ** state.attempt);
    setState({ kind: 'reconnecting', attempt: state.attempt + 1, retryInMs: delay });
    retryTimer = setTimeout(connect, delay);
  }

  /** The lab restarted with a new token: no retry can succeed, and no request may wait for one. */
  function stranded() {
    closed = true;
    setState({ kind: 'restarted', retryInMs: null });
    fail(RESTARTED_MESSAGE, true);
  }

  function connect() {
    if (closed) return;
    setState({ retryInMs: null, kind: state.opened > 0 || state.attempt > 0 ? 'reconnecting' : 'connecting' });
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      setState({ kind: 'open', attempt: 0, retryInMs: null, opened: state.opened + 1 });
      flush();
    };
    current.onmessage = (event) => receive(event.data);
    // A failed connection fires error then close; only close schedules the retry.
    current.onerror = () => {};
    current.onclose = () => {
      if (socket === current) dropped();
    };
  }

  connect();

  return {
    invoke(method: LabMethod, params: unknown) {
      return new Promise((resolve, reject) => {
        if (state.kind === 'restarted') return reject(new ConnectionError(RESTARTED_MESSAGE));
        const id = nextId++;
        pending.set(id, { resolve, reject, sent: false, message: browserWire.encode({ id, method, params }) });
        flush();
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
}

/** The probe of a page served by the host: a plain request for the page itself, with its token. */
export function pageProbe(pageUrl: string, fetchPage: typeof fetch = fetch): HostProbe {
  return async () => {
    try {
      // Never from the HTTP cache: the answer must be the host's of now. (Cast: Node's RequestInit lacks `cache`.)
      const response = await fetchPage(pageUrl, { cache: 'no-store', credentials: 'same-origin' } as RequestInit);
      return response.status === 401 || response.status === 403 ? 'refused' : 'reachable';
    } catch {
      return 'unreachable';
    }
  };
}

/** The API address of the page's own host: ws(s)://host/api, passing on a `?token=` the page was opened with. */
export function apiSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
