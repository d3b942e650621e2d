import type { MainEvent } from './contract';

/**
 * Main's side of the event channel: the backend emits, the app forwards each
 * event to the window (tests to the page). Listeners that throw are dropped
 * from that one delivery, never from the emitter's loop.
 */
export interface MainEvents {
  emit(event: MainEvent): void;
  subscribe(listener: (event: MainEvent) => void): () => void;
}

export function createMainEvents(log: (message: string, error: unknown) => void = console.error): MainEvents {
  const listeners = new Set<(event: MainEvent) => void>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // The event type only: events carry no secrets, but a listener's error might echo anything.
          log(`Gatekey: a listener of ${event.type} failed`, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
