import { CAPABILITIES, type Capability, type ParamsInput, type ParamsOf, type ResultOf } from '../model';
import type { ProviderSpec } from './adapter';
import { describeAttempts, type Answer, type AttemptRecord, type Outcome } from './answer';
import type { BreakerOptions, BreakerSnapshot } from './breaker';
import { DEFAULT_TTL_MS, ResponseCache, ttlFor, type CacheOptions } from './cache';
import { priceConsensus, type ConsensusResult } from './consensus';
import { EventBus } from './events';
import type { LimiterSnapshot } from './limiter';
import { summarizeIssues } from './pipeline';
import { ParamsMemo } from './params-memo';
import { hedged } from './hedge';
import type { PoolConfig, PoolConfigInput, View } from './pool';
import { PoolSet, type RotationRecord } from './pool-set';
import { Persistence } from './persistence';
import type { Ports } from './ports';
import { Attempts, DEFAULT_ATTEMPT_MS, MIN_ATTEMPT_MS, type Attempted } from './attempt';
import { ProviderRuntime } from './runtime';
import { Timeouts } from './timeouts';
import type { Member, Strategy } from './strategies';

export interface EngineOptions {
  readonly providers: readonly ProviderSpec[];
  /** Named pools; a default pool per capability (every provider offering it) always exists. */
  readonly pools?: readonly PoolConfigInput[];
  readonly ports: Ports;
  readonly breaker?: Partial<BreakerOptions>;
  readonly cache?: Partial<CacheOptions>;
  readonly ttls?: Partial<Record<Capability, number>>;
  /** Overall time for one request, ms. Default 8,000. */
  readonly deadlineMs?: number;
  /** One attempt's time, ms (always inside the deadline). Default 4,000. */
  readonly attemptTimeoutMs?: number;
  /** Canonical symbol -> provider's coin id. */
  readonly symbolId?: (provider: string, symbol: string) => string | undefined;
  /** Called when an answer reveals a provider's id for a symbol (list endpoints); the home persists it. */
  readonly learnSymbol?: (provider: string, symbol: string, id: string) => void;
  /** Window over which `least_used` counts requests, ms. Default 60,000. */
  readonly usageWindowMs?: number;
  /** Delay before persisting changed quotas and breaker state, ms. Default 1,000. */
  readonly persistDelayMs?: number;
}

export interface GetOptions {
  readonly deadlineMs?: number;
  /** A pool id; default: the capability's default pool. */
  readonly pool?: string;
  /** Overrides the pool's strategy for this request. */
  readonly strategy?: Strategy;
  /** Skip the cache read (the answer is still cached). */
  readonly fresh?: boolean;
}


const DEFAULT_DEADLINE_MS = 8_000;
/** Consensus rounds in a row a provider may deviate before its price endpoint is opened. */
const DEMOTE_AFTER_DEVIATIONS = 3;
/** How long a provider that keeps deviating stays out of the price rotation, ms. */
const DEVIATION_DEMOTION_MS = 300_000;


export class Engine {
  readonly events = new EventBus();
  readonly cache: ResponseCache;
  readonly #ports: Ports;
  readonly #opts: EngineOptions;
  readonly #runtimes = new Map<string, ProviderRuntime>();
  readonly #pools: PoolSet;
  readonly #inflight = new Map<string, Promise<Outcome<unknown>>>();
  readonly #ttls: Record<Capability, number>;
  readonly #attempts: Attempts;
  readonly #params = new ParamsMemo();
  readonly #persistence: Persistence;
  /** Consecutive consensus rounds each provider deviated in. */
  readonly #deviations = new Map<string, number>();
  #usageWindowStart: number;

  /** Builds an engine and restores persisted quotas and breaker state from the store. */
  static async create(options: EngineOptions): Promise<Engine> {
    const { store } = options.ports;
    const quotas: Record<string, LimiterSnapshot> = {};
    const breakers: Record<string, Record<string, BreakerSnapshot>> = {};
    for (const p of options.providers) {
      const q = await store.get<LimiterSnapshot>(`quota:${p.id}`);
      if (q) quotas[p.id] = q;
      const b = await store.get<Record<string, BreakerSnapshot>>(`breaker:${p.id}`);
      if (b) breakers[p.id] = b;
    }
    return new Engine(options, quotas, breakers);
  }

  constructor(
    options: EngineOptions,
    quotas: Readonly<Record<string, LimiterSnapshot>> = {},
    breakers: Readonly<Record<string, Record<string, BreakerSnapshot>>> = {},
  ) {
    this.#opts = options;
    this.#ports = options.ports;
    this.cache = new ResponseCache(options.cache);
    this.#ttls = { ...DEFAULT_TTL_MS, ...options.ttls };
    this.#usageWindowStart = options.ports.clock.now();
    const runtime = (id: string) => this.#runtimes.get(id);
    this.#persistence = new Persistence(options.ports.store, options.ports.clock, runtime, options.persistDelayMs ?? 1_000);
    this.#attempts = new Attempts({
      ports: options.ports,
      runtimes: this.#runtimes,
      timeouts: new Timeouts(options.ports.clock),
      events: this.events,
      persistence: this.#persistence,
      attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_MS,
    });
    this.#pools = new PoolSet(
      runtime,
      (capability) => [...this.#runtimes.values()].filter((rt) => rt.spec.capabilities[capability]).map((rt) => rt.spec.id),
      options.ports.random,
      (r) => this.events.emit('rotation', { capability: r.capability, from: r.from, to: r.to, reason: r.reason, at: r.at }),
    );
    for (const p of options.providers) this.#addRuntime(p, quotas[p.id], breakers[p.id]);
    for (const p of options.pools ?? []) this.upsertPool(p);
  }

  // ---- requests ----

  /** Answer a capability through the pool: cache, in-flight join, candidates by tier then strategy, stale-if-error. */
  get<C extends Capability>(capability: C, params: ParamsInput<C>, options: GetOptions = {}): Promise<Outcome<ResultOf<C>>> {
    const prepared = this.#params.prepare(capability, params);
    if (typeof prepared === 'string') return Promise.resolve({ ok: false, code: 'bad_params', message: prepared, attempts: [] });
    const p = prepared.params as ParamsOf<C>;
    const key = prepared.key;
    if (options.fresh) return this.#fetch(capability, p, key, options, this.#ports.clock.now());

    const now = this.#ports.clock.now();
    const hit = this.cache.lookup<ResultOf<C>>(key, now);
    if (hit.state === 'fresh' || hit.state === 'revalidate') {
      if (hit.state === 'revalidate' && !this.#inflight.has(key)) void this.#fetch(capability, p, key, options, now);
      return Promise.resolve({ ok: true, data: hit.entry.value, source: hit.entry.source, attempts: [], latencyMs: 0, cached: true, stale: false, ts: hit.entry.at });
    }
    return this.#fetch(capability, p, key, options, now);
  }

  #fetch<C extends Capability>(capability: C, params: ParamsOf<C>, key: string, options: GetOptions, started: number): Promise<Outcome<ResultOf<C>>> {
    const joined = this.#inflight.get(key) as Promise<Outcome<ResultOf<C>>> | undefined;
    if (joined) return joined;
    // #route removes its own entry when it settles; one that settles synchronously is never added.
    const slot = { settled: false };
    const run = this.#route(capability, params, key, options, slot, started);
    if (!slot.settled) this.#inflight.set(key, run);
    return run;
  }

  /** One routed request; it removes its own in-flight entry when it settles (see #fetch). */
  async #route<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    key: string,
    options: GetOptions,
    slot: { settled: boolean },
    started: number,
  ): Promise<Outcome<ResultOf<C>>> {
    try {
      const { clock } = this.#ports;
      const deadline = started + (options.deadlineMs ?? this.#opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
      const pool = this.#pools.for(capability, options.pool, options.strategy);
      if (!pool) return { ok: false, code: 'no_provider', message: `no pool serves ${capability}`, attempts: [] };
      this.#rollUsageWindow(started);

      const view = pool.view(capability);
      const tried: Member[] = [];
      const attempts: AttemptRecord[] = [];
      let real = 0;
      for (let now = started; real < pool.config.maxAlternatives && deadline - now > MIN_ATTEMPT_MS; now = clock.now()) {
        const member = view.pick(now, tried);
        if (!member) break;
        tried.push(member);
        // A plain attempt settles in one promise (or none, when skipped at once): no extra await.
        const pending = pool.config.hedge ? this.#hedged(capability, params, member, view, tried, deadline, attempts) : this.#attempts.run(capability, params, member, deadline, now);
        const result = pending instanceof Promise ? await pending : pending;
        if (result.ok) return this.#succeed(capability, params, key, pool.config.id, result, attempts, started);
        attempts.push(result.record);
        if (result.record.outcome !== 'breaker_open' && result.record.outcome !== 'limit_wait' && result.record.outcome !== 'unsupported') real++;
      }

      const now = clock.now();
      const stale = this.cache.peek<ResultOf<C>>(key, now);
      if (stale) {
        return { ok: true, data: stale.value, source: stale.source, attempts, latencyMs: now - started, cached: true, stale: true, ts: stale.at };
      }
      if (attempts.length === 0 && view.size === 0) {
        return { ok: false, code: 'no_provider', message: `no provider in pool ${pool.config.id} offers ${capability}`, attempts };
      }
      const message = attempts.length === 0 ? 'every provider is cooling down or its breaker is open' : describeAttempts(attempts);
      if (this.events.has('error')) this.events.emit('error', { capability, message, attempts: attempts.length, at: now });
      return { ok: false, code: 'all_failed', message: `${capability}: ${message}`, attempts };
    } finally {
      slot.settled = true;
      this.#inflight.delete(key);
    }
  }

  #succeed<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    key: string,
    poolId: string,
    result: { value: ResultOf<C>; source: string; latencyMs: number; at: number },
    attempts: AttemptRecord[],
    started: number,
  ): Answer<ResultOf<C>> {
    const { source, at } = result;
    attempts.push({ provider: source, outcome: 'ok', latencyMs: result.latencyMs });
    const ttl = ttlFor(capability, params, this.#ttls);
    this.cache.set(key, { value: result.value, source, at, expiresAt: at + ttl, revalidateUntil: at + 2 * ttl });
    this.#pools.answered(poolId, capability, source, attempts.length > 1, at);
    return { ok: true, data: result.value, source, attempts, latencyMs: at - started, cached: false, stale: false, ts: at };
  }

  /** Hedged attempt: past the first candidate's p95 with no answer, the next candidate runs too. */
  #hedged<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    first: Member,
    view: View,
    tried: Member[],
    deadline: number,
    attempts: AttemptRecord[],
  ): Promise<Attempted<ResultOf<C>>> {
    const p95 = this.#runtimes.get(first.id)?.stats.get(capability)?.p95() ?? 0;
    const runFor = (m: Member) => ({ label: m.id, run: (signal: AbortSignal) => this.#attempts.runAsync(capability, params, m, deadline, signal) });
    return hedged<Attempted<ResultOf<C>>>(
      runFor(first),
      () => {
        const next = view.pick(this.#ports.clock.now(), tried);
        if (!next) return undefined;
        tried.push(next);
        return runFor(next);
      },
      Math.max(50, p95 || 1_000),
      this.#ports.clock,
      (lost) => {
        if (!lost.ok) attempts.push(lost.record);
      },
      (provider) => attempts.push({ provider, outcome: 'aborted', message: 'another provider answered first', latencyMs: 0 }),
    );
  }

  /**
   * Price consensus: ask up to `k` providers at once, take the median per symbol, and demote
   * providers that deviate beyond the threshold (a deviation counts as bad data on their breaker).
   */
  async consensus(params: ParamsInput<'price'>, options: { k?: number; thresholdPct?: number; deadlineMs?: number } = {}): Promise<Outcome<ConsensusResult>> {
    const parsed = CAPABILITIES.price.params.safeParse(params);
    if (!parsed.success) return { ok: false, code: 'bad_params', message: summarizeIssues(parsed.error.issues), attempts: [] };
    const { clock } = this.#ports;
    const started = clock.now();
    const deadline = started + (options.deadlineMs ?? this.#opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const view = this.#pools.default('price').view('price');
    const chosen: Member[] = [];
    for (let m = view.pick(started, chosen); m && chosen.length < (options.k ?? 3); m = view.pick(started, chosen)) chosen.push(m);
    const results = await Promise.all(chosen.map((m) => this.#attempts.runAsync('price', parsed.data, m, deadline)));
    const attempts: AttemptRecord[] = results.map((r) => (r.ok ? { provider: r.source, outcome: 'ok', latencyMs: r.latencyMs } : r.record));
    const answers = results.flatMap((r) => (r.ok ? [{ provider: r.source, quotes: r.value }] : []));
    if (answers.length === 0) return { ok: false, code: 'all_failed', message: `price consensus: ${describeAttempts(attempts)}`, attempts };
    const result = priceConsensus(answers, options.thresholdPct);
    const at = clock.now();
    for (const spread of result.spreads) {
      for (const p of spread.providers) {
        if (!p.outlier) {
          this.#deviations.delete(p.provider);
          continue;
        }
        // Its answer was counted a success when it arrived; as bad data it is a failure too. On
        // its own that never trips the breaker (one success, one failure per round), so a
        // provider that keeps deviating is taken out of rotation for a while.
        const rt = this.#runtimes.get(p.provider);
        rt?.stats.get('price')?.recordCall(false, 0, at, 'sanity');
        const breaker = rt?.endpoints.get('price');
        breaker?.onFailure('sanity');
        const times = (this.#deviations.get(p.provider) ?? 0) + 1;
        this.#deviations.set(p.provider, times);
        if (times >= DEMOTE_AFTER_DEVIATIONS && breaker?.state === 'closed') breaker.openUntil(at + DEVIATION_DEMOTION_MS, `deviated from the consensus ${times} times in a row`);
        this.events.emit('deviation', { capability: 'price', provider: p.provider, deviationPct: p.deviationPct, median: spread.median, at });
      }
    }
    const source = `consensus(${answers.map((a) => a.provider).join(',')})`;
    return { ok: true, data: result, source, attempts, latencyMs: at - started, cached: false, stale: false, ts: at };
  }

  /**
   * Fan-out: ask every available member of the capability's pool at once (up to `k`), each through
   * its own limits and breakers, for callers that combine answers (e.g. a sentiment ensemble).
   * Members skipped (breaker open, limit spent) are reported like any failed attempt.
   */
  async fanOut<C extends Capability>(
    capability: C,
    params: ParamsInput<C>,
    options: { k?: number; deadlineMs?: number; pool?: string } = {},
  ): Promise<{ ok: true; answers: Attempted<ResultOf<C>>[] } | { ok: false; code: 'bad_params' | 'no_provider'; message: string }> {
    const parsed = CAPABILITIES[capability].params.safeParse(params);
    if (!parsed.success) return { ok: false, code: 'bad_params', message: summarizeIssues(parsed.error.issues) };
    const started = this.#ports.clock.now();
    const deadline = started + (options.deadlineMs ?? this.#opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const pool = this.#pools.for(capability, options.pool);
    if (!pool) return { ok: false, code: 'no_provider', message: `no pool serves ${capability}` };
    const view = pool.view(capability);
    const chosen: Member[] = [];
    for (let m = view.pick(started, chosen); m && chosen.length < (options.k ?? 10); m = view.pick(started, chosen)) chosen.push(m);
    if (chosen.length === 0) return { ok: false, code: 'no_provider', message: `no available provider offers ${capability}` };
    const answers = await Promise.all(chosen.map((m) => this.#attempts.runAsync(capability, parsed.data as ParamsOf<C>, m, deadline)));
    return { ok: true, answers };
  }

  // ---- pools ----

  upsertPool(input: PoolConfigInput): PoolConfig {
    return this.#pools.upsert(input);
  }

  removePool(id: string): boolean {
    return this.#pools.remove(id);
  }

  pools(): PoolConfig[] {
    return this.#pools.list();
  }

  /** Manual rotation: the pool's current source for the capability steps back. */
  rotate(poolId: string, capability: Capability): RotationRecord | undefined {
    return this.#pools.rotate(poolId, capability, this.#ports.clock.now());
  }

  rotationHistory(): readonly RotationRecord[] {
    return this.#pools.history();
  }

  // ---- providers ----

  #addRuntime(spec: ProviderSpec, quota?: LimiterSnapshot, breakers?: Record<string, BreakerSnapshot>): void {
    const rt = new ProviderRuntime(spec, {
      clock: this.#ports.clock,
      random: this.#ports.random,
      breaker: this.#opts.breaker ?? {},
      keys: spec.auth.kind === 'none' ? [] : this.#ports.secrets.keys(spec.auth.env),
      symbolId: (symbol) => this.#opts.symbolId?.(spec.id, symbol),
      learn: (symbol, id) => this.#opts.learnSymbol?.(spec.id, symbol, id),
      onTransition: (id, t) => {
        const provider = id.split(':')[0] as string;
        this.events.emit('breaker', { ...t, provider: id });
        this.#persistence.breakerChanged(provider);
      },
      ...(breakers ? { breakerSnapshots: breakers } : {}),
      ...(quota ? { quota } : {}),
    });
    this.#runtimes.set(spec.id, rt);
  }

  upsertProvider(spec: ProviderSpec): void {
    this.#runtimes.delete(spec.id);
    this.#addRuntime(spec);
    this.#pools.providersChanged();
  }

  removeProvider(id: string): boolean {
    const had = this.#runtimes.delete(id);
    this.#pools.providersChanged();
    return had;
  }

  runtime(id: string): ProviderRuntime | undefined {
    return this.#runtimes.get(id);
  }

  runtimes(): ProviderRuntime[] {
    return [...this.#runtimes.values()];
  }

  // ---- persistence ----

  /** Write changed quotas and breaker state to the store now. */
  flush(): Promise<void> {
    return this.#persistence.flush();
  }

  /** Stop timers and persist what changed. */
  close(): Promise<void> {
    return this.#persistence.close();
  }

  // ---- helpers ----

  #rollUsageWindow(now: number): void {
    if (now - this.#usageWindowStart < (this.#opts.usageWindowMs ?? 60_000)) return;
    this.#usageWindowStart = now;
    for (const rt of this.#runtimes.values()) rt.live.used = 0;
  }
}
