import type { Capability } from '../model';
import type { FailureKind } from './adapter';
import type { BreakerTransition } from './breaker';

/** The engine's typed event stream; it feeds logs, WebSocket channels and the UI. */
export interface EngineEvents {
  request: { capability: Capability; provider: string; ok: boolean; kind?: FailureKind; latencyMs: number; at: number };
  rotation: { capability: Capability; from: string; to: string; reason: string; at: number };
  breaker: BreakerTransition & { provider: string };
  'rate-limit': { provider: string; until: number; reason: string; at: number };
  error: { capability: Capability; message: string; attempts: number; at: number };
  deviation: { capability: Capability; provider: string; deviationPct: number; median: number; at: number };
  alert: { kind: string; message: string; at: number };
}

export type EventName = keyof EngineEvents;
type Listener<E extends EventName> = (payload: EngineEvents[E]) => void;

export class EventBus {
  // Each set holds listeners of its own event only; `on` and `emit` keep the pairing.
  readonly #listeners = new Map<EventName, Set<Listener<never>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Whether anyone listens; lets hot paths skip building payloads. */
  has(event: EventName): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit<E extends EventName>(event: E, payload: EngineEvents[E]): void {
    const set = this.#listeners.get(event) as Set<Listener<E>> | undefined;
    if (!set) return;
    for (const l of set) {
      try {
        l(payload);
      } catch {
        // A faulty listener must never break a request.
      }
    }
  }
}
