/** A lab stand-in for transport tests: a few real handlers over an in-memory series, and an event stream we drive. */
import type { CheckpointSeries, LabEventName, LabEvents, LabHandlers } from '#shared/api/contract';
import { NotFoundError } from '#shared/base/errors';
import type { LabEndpoint } from '../../src-main/serve/endpoint';

export interface StubLab extends LabEndpoint {
  /** Pushes an event to every subscriber, as the lab does when a run moves. */
  emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void;
  /** Subscribers still attached, all events together. */
  listenerCount(): number;
  /** Parameters each handler received, in call order. */
  calls: Array<{ method: string; params: unknown }>;
}

export function stubSeries(runId: string): CheckpointSeries {
  return {
    runId,
    count: 2,
    aLength: 2,
    uLength: 2,
    step: Float64Array.of(0, 10),
    tau: Float64Array.of(0, 0.5),
    loss: Float64Array.of(1.25, 0.1 + 0.2),
    limitLoss: null,
    covered: Float64Array.of(0, 1),
    a: Float64Array.of(0.5, -1 / 3, 2 ** -40, Number.MAX_VALUE),
    u: Float64Array.of(0.2, 0.35, Number.MIN_VALUE, -1e300),
  };
}

export function createStubLab(): StubLab {
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  const calls: StubLab['calls'] = [];
  const handlers = {
    getCheckpoints: ({ runId }) => {
      calls.push({ method: 'getCheckpoints', params: { runId } });
      if (runId !== 'r1') throw new NotFoundError(`no run ${runId}`);
      return stubSeries(runId);
    },
    cancelRun: async ({ runId }) => {
      calls.push({ method: 'cancelRun', params: { runId } });
      return { cancelled: true };
    },
  } as Partial<LabHandlers> as LabHandlers;
  return {
    handlers,
    calls,
    events: {
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener as (payload: never) => void);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}
