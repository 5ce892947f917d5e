import type { EngineEvents } from '../engine/events';
import type { Incident } from './status-history';

/**
 * Incidents derived from breaker transitions. A breaker leaving `closed` for `open` (failures) or
 * `forced_open` (an operator) starts one; `half_open -> open` (a failed probe) continues it; back
 * to `closed`, or `disabled` (taken out of service, so no longer an outage), ends it.
 */

/** What is stored per incident (the view adds duration and `ongoing`). */
export interface IncidentRecord {
  id: string;
  provider: string;
  capability: string | null;
  startedAt: number;
  endedAt: number | null;
  cause: string | null;
  reason: string;
  reopened: number;
}

export type BreakerEvent = EngineEvents['breaker'];

/** Where a home keeps incidents (SQLite in the proxy, IndexedDB in the worker). */
export interface IncidentStore {
  upsert(r: IncidentRecord): void | Promise<void>;
  /** Newest first; `provider` filters, `since` keeps those ongoing or ended at/after it. */
  list(q?: { provider?: string; since?: number; limit?: number }): IncidentRecord[] | Promise<IncidentRecord[]>;
  /** Those without an end. */
  ongoing(): IncidentRecord[] | Promise<IncidentRecord[]>;
  /** Retention: drops what is past a year (and past the row cap). */
  prune?(): number | Promise<number>;
}

/** The engine names an endpoint breaker `<provider>:<capability>`. */
export function splitBreakerId(id: string): { provider: string; capability: string | null } {
  const i = id.indexOf(':');
  return i < 0 ? { provider: id, capability: null } : { provider: id.slice(0, i), capability: id.slice(i + 1) };
}

const keyOf = (provider: string, capability: string | null): string => `${provider}|${capability ?? '*'}`;

export class IncidentTracker {
  readonly #open = new Map<string, IncidentRecord>();

  /** Incidents still open from before a restart, so their close ends them. */
  seed(ongoing: readonly IncidentRecord[]): void {
    for (const r of ongoing) if (r.endedAt === null) this.#open.set(keyOf(r.provider, r.capability), { ...r });
  }

  /** The open incident of a breaker, if any. */
  openOf(provider: string, capability: string | null): IncidentRecord | undefined {
    return this.#open.get(keyOf(provider, capability));
  }

  openIncidents(): IncidentRecord[] {
    return [...this.#open.values()].map((r) => ({ ...r }));
  }

  /** Applies one transition; returns the incident it started, continued or ended (a copy), if any. */
  apply(e: BreakerEvent): IncidentRecord | undefined {
    const { provider, capability } = splitBreakerId(e.provider);
    const key = keyOf(provider, capability);
    const current = this.#open.get(key);
    if (e.to === 'open' || e.to === 'forced_open') {
      if (current) {
        if (e.from === 'half_open') current.reopened++;
        return { ...current };
      }
      const started: IncidentRecord = {
        id: `${key}|${e.at}`,
        provider,
        capability,
        startedAt: e.at,
        endedAt: null,
        cause: e.to === 'forced_open' ? 'manual' : (e.cause ?? null),
        reason: e.reason,
        reopened: 0,
      };
      this.#open.set(key, started);
      return { ...started };
    }
    if ((e.to === 'closed' || e.to === 'disabled') && current) {
      this.#open.delete(key);
      current.endedAt = Math.max(current.startedAt, e.at);
      return { ...current };
    }
    return undefined;
  }

  /** Ends an open incident at `at` (its breaker was found closed after a restart). */
  end(provider: string, capability: string | null, at: number): IncidentRecord | undefined {
    const key = keyOf(provider, capability);
    const current = this.#open.get(key);
    if (!current) return undefined;
    this.#open.delete(key);
    current.endedAt = Math.max(current.startedAt, at);
    return { ...current };
  }
}

/** Every incident a sequence of transitions describes, oldest first. */
export function deriveIncidents(events: readonly BreakerEvent[]): IncidentRecord[] {
  const tracker = new IncidentTracker();
  const byId = new Map<string, IncidentRecord>();
  for (const e of events) {
    const r = tracker.apply(e);
    if (r) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt);
}

export function incidentView(r: IncidentRecord, now: number): Incident {
  const end = r.endedAt ?? now;
  return { ...r, durationMs: Math.max(0, end - r.startedAt), ongoing: r.endedAt === null };
}

/**
 * Periods when every one of `members` was in an incident at once: the intersection of their
 * incident intervals (an ongoing one runs to `now`). Empty when any member had none.
 */
export function allDownPeriods(members: ReadonlyArray<readonly IncidentRecord[]>, now: number): Array<{ start: number; end: number; ongoing: boolean }> {
  if (members.length === 0) return [];
  const merged = members.map((list) => mergeIntervals(list.map((r) => ({ start: r.startedAt, end: r.endedAt ?? now, ongoing: r.endedAt === null }))));
  let acc = merged[0] ?? [];
  for (const next of merged.slice(1)) {
    const out: Array<{ start: number; end: number; ongoing: boolean }> = [];
    for (const a of acc) {
      for (const b of next) {
        const start = Math.max(a.start, b.start);
        const end = Math.min(a.end, b.end);
        if (end > start) out.push({ start, end, ongoing: a.ongoing && b.ongoing && end === now });
      }
    }
    acc = out;
  }
  return acc;
}

function mergeIntervals(list: Array<{ start: number; end: number; ongoing: boolean }>): Array<{ start: number; end: number; ongoing: boolean }> {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number; ongoing: boolean }> = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) {
      if (i.end >= last.end) {
        last.end = i.end;
        last.ongoing = i.ongoing || last.ongoing;
      }
    } else out.push({ ...i });
  }
  return out;
}
