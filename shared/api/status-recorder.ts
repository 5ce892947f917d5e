import { MemoryStore, type Engine, type Store } from '../engine';
import type { Capability } from '../model';
import { IncidentTracker, type IncidentRecord, type IncidentStore } from './incidents';
import { LATENCY_STORE_KEY, LatencyRollup } from './latency-rollup';

export interface StatusRecorderOptions {
  incidents: IncidentStore;
  /** The home's Store port, where the hourly latency histograms are kept. */
  store: Store;
  now: () => number;
}

/**
 * Feeds the status history in either home: breaker transitions become incidents (written to the
 * home's incident store as they start, re-open and end) and successful calls' latencies go into
 * hourly histograms (saved to the Store by `save()`, which the home calls on its own schedule).
 */
export class StatusRecorder {
  readonly incidents: IncidentStore;
  readonly tracker = new IncidentTracker();
  latency: LatencyRollup;
  readonly #store: Store;
  readonly #now: () => number;
  #off: Array<() => void> = [];
  /** Writes in flight, so a reader (and close) can wait for them. */
  #writes: Promise<void> = Promise.resolve();

  private constructor(opts: StatusRecorderOptions, latency: LatencyRollup) {
    this.incidents = opts.incidents;
    this.#store = opts.store;
    this.#now = opts.now;
    this.latency = latency;
  }

  /** Reads what was kept (open incidents, latency) and attaches to the engine. */
  static async start(engine: Engine, opts: StatusRecorderOptions): Promise<StatusRecorder> {
    const latency = LatencyRollup.restore(await opts.store.get<unknown>(LATENCY_STORE_KEY).catch(() => undefined));
    const r = new StatusRecorder(opts, latency);
    r.tracker.seed(await opts.incidents.ongoing());
    r.attach(engine);
    return r;
  }

  /** A recorder keeping everything in memory (a home without persistence, tests); attached at once. */
  static memory(engine: Engine, now: () => number): StatusRecorder {
    const r = new StatusRecorder({ incidents: new MemoryIncidentStore(), store: new MemoryStore(), now }, new LatencyRollup());
    r.attach(engine);
    return r;
  }

  /** Follows this engine's events (a rebuilt engine replaces the previous one). */
  attach(engine: Engine): void {
    for (const off of this.#off.splice(0)) off();
    // An incident left open by the previous run whose breaker came back closed (its state was
    // persisted) ended while nobody watched: it ends now, the first moment that is known.
    for (const open of this.tracker.openIncidents()) {
      const rt = engine.runtime(open.provider);
      const breaker = open.capability === null ? rt?.breaker : rt?.endpoints.get(open.capability as Capability);
      const state = breaker?.state;
      if (state === undefined || state === 'closed' || state === 'disabled') {
        const ended = this.tracker.end(open.provider, open.capability, this.#now());
        if (ended) this.#write(ended);
      }
    }
    this.#off.push(
      engine.events.on('breaker', (e) => {
        const changed = this.tracker.apply(e);
        if (changed) this.#write(changed);
      }),
      engine.events.on('request', (e) => {
        if (e.ok) this.latency.record(e.provider, e.latencyMs, e.at);
      }),
    );
  }

  #write(r: IncidentRecord): void {
    this.#writes = this.#writes.then(async () => {
      try {
        await this.incidents.upsert(r);
      } catch {
        // A failed write loses one update; the next transition of that breaker writes it whole.
      }
    });
  }

  /** Stops following the engine. */
  detach(): void {
    for (const off of this.#off.splice(0)) off();
  }

  /** Resolves once every incident write so far is done. */
  flush(): Promise<void> {
    return this.#writes;
  }

  async save(): Promise<void> {
    await this.#store.set(LATENCY_STORE_KEY, this.latency.snapshot());
    await this.incidents.prune?.();
  }

  async close(): Promise<void> {
    for (const off of this.#off.splice(0)) off();
    await this.flush();
    await this.save().catch(() => undefined);
  }
}

/** Incidents in memory, for a home without persistence (and tests). */
export class MemoryIncidentStore implements IncidentStore {
  readonly #rows = new Map<string, IncidentRecord>();

  upsert(r: IncidentRecord): void {
    this.#rows.set(r.id, { ...r });
  }

  list({ provider, since, limit = 500 }: { provider?: string; since?: number; limit?: number } = {}): IncidentRecord[] {
    return [...this.#rows.values()]
      .filter((r) => (provider === undefined || r.provider === provider) && (since === undefined || r.endedAt === null || r.endedAt >= since))
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, limit);
  }

  ongoing(): IncidentRecord[] {
    return [...this.#rows.values()].filter((r) => r.endedAt === null);
  }
}
