/** Picks the LabApi of the environment: the Electron preload's `window.lab`, else the page host's WebSocket. */
import { shallowRef, type Ref } from 'vue';
import type { LabApi } from '#shared/api/contract';
import { createLabApi } from '#shared/api/client';
import { apiSocketUrl, createSocketTransport, pageProbe, type ConnectionState } from './socketTransport';

/** The API and the state of the connection behind it. */
export interface LabConnection {
  api: LabApi;
  connection: Readonly<Ref<ConnectionState>>;
}

/** Electron's IPC never drops; it counts as one connection, opened once. */
const ALWAYS_OPEN: ConnectionState = { kind: 'open', attempt: 0, retryInMs: null, opened: 1 };

export function connectLab(): LabConnection {
  if (window.lab) return { api: window.lab, connection: shallowRef(ALWAYS_OPEN) };
  const connection = shallowRef<ConnectionState>({ kind: 'connecting', attempt: 0, retryInMs: null, opened: 0 });
  const transport = createSocketTransport({
    url: apiSocketUrl(window.location),
    probe: pageProbe(window.location.href),
    onState: (state) => (connection.value = state),
  });
  return { api: createLabApi(transport), connection };
}
