/** A LabApi double for component tests: methods are vi.fn()s, events can be emitted by hand. */
import { vi } from 'vitest';
import { shallowRef } from 'vue';
import type { LabApi, LabEventName, LabEvents } from '#shared/api/contract';
import { presets } from '#shared/config/presets';
import type { LabConnection } from '../../src-renderer/src/api/connect';
import type { ConnectionState } from '../../src-renderer/src/api/socketTransport';

export function fakeLab(overrides: Partial<LabApi> = {}) {
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  const api = {
    listPresets: vi.fn(async () => presets),
    startRun: vi.fn(async () => ({ runId: 'run-42' })),
    startSweep: vi.fn(async () => ({ sweepId: 'sweep-1', runIds: ['a', 'b'] })),
    cancelRun: vi.fn(async () => ({ cancelled: true })),
    listRuns: vi.fn(async () => []),
    currentReproduction: vi.fn(async () => null),
    cancelReproduction: vi.fn(async () => ({ cancelled: true })),
    on: (event: LabEventName, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    ...overrides,
  } as unknown as LabApi;
  const connection = shallowRef<ConnectionState>({ kind: 'open', attempt: 0, retryInMs: null, opened: 1 });
  const lab: LabConnection = { api, connection };
  const emit = <E extends LabEventName>(event: E, payload: LabEvents[E]) =>
    listeners.get(event)?.forEach((listener) => listener(payload as never));
  return { lab, api, emit, connection };
}
