/** The calling side of the contract over any transport (Electron preload or WebSocket). */
import type { LabApi, LabEventName, LabEvents, LabMethod } from './contract';
import { methodNames } from './names';

export interface Transport {
  /** Sends one request; resolves with the result, rejects with a RemoteError. */
  invoke(method: LabMethod, params: unknown): Promise<unknown>;
  subscribe(event: LabEventName, listener: (payload: unknown) => void): () => void;
}

export function createLabApi(transport: Transport): LabApi {
  const api: Record<string, unknown> = {
    on: <E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void) =>
      transport.subscribe(event, listener as (payload: unknown) => void),
  };
  for (const method of methodNames) api[method] = (params: unknown) => transport.invoke(method, params);
  return api as LabApi;
}
