/** The lab's events: subscribers per event name; a subscriber that throws never stops a run or other subscribers. */
import type { LabEventName, LabEvents } from '#shared/api/contract';

export interface LabEventSource {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
}

export interface EventHub extends LabEventSource {
  emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void;
  /** Whether anyone listens (lets a producer skip building a payload nobody reads). */
  heard(event: LabEventName): boolean;
}

export function createEventHub(): EventHub {
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (error) {
          console.error(`lab: a ${event} subscriber threw`, error);
        }
      }
    },
    heard: (event) => (listeners.get(event)?.size ?? 0) > 0,
  };
}
