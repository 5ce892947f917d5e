import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCapability, defineProvider } from '../catalog/define';
import type { AuthSpec, LimitSpec, ProviderSpec, Tier } from './adapter';
import type { EngineEvents } from './events';
import { Engine, type EngineOptions } from './engine';
import type { PoolConfigInput } from './pool';
import { FakeClock, MemoryStore, noSecrets, SeededRandom, type HttpRequest, type HttpResponse, type Secrets, type Transport, type Abortable } from './ports';
import { STRATEGIES } from './strategies';

// ---- providers: small ones defined here, answering `{ "price": n }` for any symbol ----

const PriceBody = z.object({ price: z.number() });

const anySymbol = defineCapability('price', {
  request: ({ symbols, vs }) => ({ path: '/price', query: { s: symbols.join(','), vs } }),
  response: PriceBody,
  transform: (raw, { symbols, vs }, ctx) => symbols.map((symbol) => ({ symbol, vs, price: raw.price, ts: ctx.now })),
});

/** Serves BTC only: for anything else the adapter says so before any request is made. */
const btcOnly = defineCapability('price', {
  ...anySymbol,
  request: (params, ctx) => (params.symbols.every((s) => s === 'BTC') ? anySymbol.request(params, ctx) : `only BTC, not ${params.symbols.join(',')}`),
  transform: (raw, { symbols, vs }, ctx) => symbols.map((symbol) => ({ symbol, vs, price: raw.price, ts: ctx.now })),
});

interface ProviderOptions {
  tier?: Tier;
  limits?: LimitSpec;
  auth?: AuthSpec;
  onlyBtc?: boolean;
}

/** A provider whose host is its id, so the transport can tell who is called. */
const provider = (id: string, o: ProviderOptions = {}): ProviderSpec =>
  defineProvider({
    id,
    name: id,
    category: 'market',
    baseUrl: `http://${id}`,
    docs: 'https://example.invalid/docs',
    tier: o.tier ?? 'medium',
    limits: o.limits ?? {},
    auth: o.auth ?? { kind: 'none' },
    capabilities: { price: o.onlyBtc ? btcOnly : anySymbol },
  });

// ---- the transport port: canned answers, delayed on the fake clock ----

type Reply = { status?: number; headers?: Record<string, string>; body?: string; price?: number; delayMs?: number } | 'hang' | 'refuse';

interface Call {
  readonly host: string;
  readonly request: HttpRequest;
  readonly signal: AbortSignal;
  readonly at: number;
}

class Upstream implements Transport {
  readonly calls: Call[] = [];
  readonly #replies = new Map<string, (n: number) => Reply>();

  constructor(private readonly clock: FakeClock) {}

  /** How `host` answers its n-th call (1-based); the default is 200 `{ "price": 100 }` at once. */
  answer(host: string, reply: Reply | ((n: number) => Reply)): void {
    this.#replies.set(host, typeof reply === 'function' ? reply : () => reply);
  }

  count(host: string): number {
    return this.calls.filter((c) => c.host === host).length;
  }

  fetch(request: HttpRequest, abort: Abortable): Promise<HttpResponse> {
    const { signal } = abort;
    const host = new URL(request.url).host;
    this.calls.push({ host, request, signal, at: this.clock.now() });
    const reply = this.#replies.get(host)?.(this.count(host)) ?? {};
    if (reply === 'refuse') return Promise.reject(new Error('connect ECONNREFUSED'));
    return new Promise((resolve, reject) => {
      let timer: ReturnType<FakeClock['setTimeout']> | undefined;
      signal.addEventListener(
        'abort',
        () => {
          if (timer) this.clock.clearTimeout(timer);
          reject(new Error('aborted'));
        },
        { once: true },
      );
      if (reply === 'hang') return;
      const response: HttpResponse = { status: reply.status ?? 200, headers: reply.headers ?? {}, body: reply.body ?? JSON.stringify({ price: reply.price ?? 100 }) };
      if (!reply.delayMs) resolve(response);
      else timer = this.clock.setTimeout(() => resolve(response), reply.delayMs);
    });
  }
}

// ---- wiring ----

interface Setup {
  providers: ProviderSpec[];
  pools?: PoolConfigInput[];
  secrets?: Secrets;
  store?: MemoryStore;
  clock?: FakeClock;
  upstream?: Upstream;
  options?: Partial<Omit<EngineOptions, 'providers' | 'pools' | 'ports'>>;
}

function options(s: Setup) {
  const clock = s.clock ?? new FakeClock();
  const upstream = s.upstream ?? new Upstream(clock);
  const store = s.store ?? new MemoryStore();
  const opts: EngineOptions = {
    providers: s.providers,
    pools: s.pools ?? [],
    ports: { clock, random: new SeededRandom(7), transport: upstream, store, secrets: s.secrets ?? noSecrets },
    ...s.options,
  };
  return { clock, upstream, store, opts };
}

function setup(s: Setup) {
  const { clock, upstream, store, opts } = options(s);
  return { clock, upstream, store, engine: new Engine(opts) };
}

/** A priority pool over the given providers, in order. */
const ordered = (ids: readonly string[], extra: Partial<PoolConfigInput> = {}): PoolConfigInput => ({
  id: 'p',
  name: 'Test pool',
  strategy: 'priority',
  members: ids.map((provider) => ({ provider })),
  ...extra,
});

const BTC = { symbols: ['BTC'] };

/** Let the fake clock run in small steps until the promise settles (the engine's timers drive it). */
async function drive<T>(clock: FakeClock, promise: Promise<T>, stepMs = 10, maxMs = 600_000): Promise<{ value: T; at: number }> {
  let at = -1;
  void promise.then(
    () => (at = clock.now()),
    () => (at = clock.now()),
  );
  await clock.advance(0);
  for (let t = 0; at < 0 && t < maxMs; t += stepMs) await clock.advance(stepMs);
  return { value: await promise, at };
}

function record<E extends keyof EngineEvents>(engine: Engine, event: E): EngineEvents[E][] {
  const seen: EngineEvents[E][] = [];
  engine.events.on(event, (e) => seen.push(e));
  return seen;
}

const sourceOf = (o: { ok: boolean; source?: string }) => (o.ok ? o.source : undefined);

// ---- tests ----

describe('Engine: candidates by tier', () => {
  for (const strategy of STRATEGIES) {
    it(`tries a critical member before the high ones under ${strategy}`, async () => {
      const { engine, upstream } = setup({
        providers: [provider('h1', { tier: 'high' }), provider('h2', { tier: 'high' }), provider('crit', { tier: 'critical' })],
        pools: [ordered(['h1', 'h2', 'crit'], { strategy })],
      });
      for (let i = 0; i < 20; i++) {
        const r = await engine.get('price', BTC, { pool: 'p', fresh: true });
        expect(sourceOf(r)).toBe('crit');
      }
      expect(upstream.count('h1') + upstream.count('h2')).toBe(0);
    });
  }

  it('falls back to the high tier when the critical member fails', async () => {
    const { engine, upstream } = setup({
      providers: [provider('h1', { tier: 'high' }), provider('crit', { tier: 'critical' })],
      pools: [ordered(['h1', 'crit'])],
    });
    upstream.answer('crit', { status: 503, body: 'down' });
    const r = await engine.get('price', BTC, { pool: 'p' });
    expect(sourceOf(r)).toBe('h1');
    expect(r.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['crit', 'http_5xx'],
      ['h1', 'ok'],
    ]);
  });
});

describe('Engine: rate limits', () => {
  it('waits for a slot that fits the deadline and asks the same provider', async () => {
    const { engine, upstream, clock } = setup({ providers: [provider('a', { limits: { perSecond: 1 } }), provider('b')], pools: [ordered(['a', 'b'])] });
    const t0 = clock.now();
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p' }))).toBe('a');
    const { value: r } = await drive(clock, engine.get('price', BTC, { pool: 'p', fresh: true }));
    expect(sourceOf(r)).toBe('a');
    expect(r.attempts.map((a) => a.outcome)).toEqual(['ok']);
    expect(upstream.calls.map((c) => [c.host, c.at - t0])).toEqual([
      ['a', 0],
      ['a', 1_000],
    ]);
  });

  it('skips to the next candidate with limit_wait when the wait does not fit the deadline', async () => {
    const { engine, upstream } = setup({ providers: [provider('a', { limits: { perMinute: 1 } }), provider('b')], pools: [ordered(['a', 'b'])] });
    await engine.get('price', BTC, { pool: 'p' });
    const r = await engine.get('price', BTC, { pool: 'p', fresh: true, deadlineMs: 5_000 });
    expect(sourceOf(r)).toBe('b');
    expect(r.attempts[0]).toMatchObject({ provider: 'a', outcome: 'limit_wait' });
    expect(r.attempts[0]?.message).toMatch(/rate limit/);
    expect(upstream.count('a')).toBe(1);
    // Now cooling: the next request does not even consider it.
    const next = await engine.get('price', BTC, { pool: 'p', fresh: true });
    expect(next.attempts.map((a) => a.provider)).toEqual(['b']);
  });

  it('cools a provider that answers 429 until Retry-After, without touching its breaker', async () => {
    const { engine, upstream, clock } = setup({ providers: [provider('a'), provider('b')], pools: [ordered(['a', 'b'])] });
    const limits = record(engine, 'rate-limit');
    const breakers = record(engine, 'breaker');
    const t0 = clock.now();
    upstream.answer('a', (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '30' }, body: '{}' } : {}));

    const first = await engine.get('price', BTC, { pool: 'p' });
    expect(sourceOf(first)).toBe('b');
    expect(first.attempts[0]).toMatchObject({ provider: 'a', outcome: 'rate_limited' });
    expect(limits).toEqual([expect.objectContaining({ provider: 'a', until: t0 + 30_000 })]);

    await clock.advance(29_999);
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p', fresh: true }))).toBe('b');
    expect(upstream.count('a')).toBe(1);

    await clock.advance(1);
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p', fresh: true }))).toBe('a');
    expect(engine.runtime('a')?.breaker.state).toBe('closed');
    expect(breakers).toEqual([]);
  });
});

describe('Engine: circuit breaker', () => {
  it('opens after five 5xx answers, skips the provider without calling it, then a half-open probe closes it', async () => {
    const { engine, upstream, clock } = setup({ providers: [provider('a'), provider('b')], pools: [ordered(['a', 'b'])] });
    const transitions = record(engine, 'breaker');
    let healthy = false;
    upstream.answer('a', () => (healthy ? {} : { status: 500, body: 'internal error' }));

    for (let i = 0; i < 5; i++) {
      const r = await engine.get('price', BTC, { pool: 'p', fresh: true });
      expect(r.attempts.map((a) => [a.provider, a.outcome])).toEqual([
        ['a', 'http_5xx'],
        ['b', 'ok'],
      ]);
    }
    const breaker = engine.runtime('a')!.breaker;
    expect(breaker.state).toBe('open');

    const skipped = await engine.get('price', BTC, { pool: 'p', fresh: true });
    expect(skipped.attempts.map((a) => a.provider)).toEqual(['b']);
    expect(upstream.count('a')).toBe(5);

    healthy = true;
    const openUntil = breaker.toJSON().openUntil;
    await clock.advance(openUntil - clock.now() - 1);
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p', fresh: true }))).toBe('b');
    expect(upstream.count('a')).toBe(5);

    await clock.advance(1);
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p', fresh: true }))).toBe('a');
    expect(breaker.state).toBe('half_open');
    // The default breaker closes after two probe successes.
    expect(sourceOf(await engine.get('price', BTC, { pool: 'p', fresh: true }))).toBe('a');
    expect(breaker.state).toBe('closed');
    expect(transitions.filter((t) => t.provider === 'a').map((t) => `${t.from}>${t.to}`)).toEqual(['closed>open', 'open>half_open', 'half_open>closed']);
  });
});

describe('Engine: alternatives', () => {
  it('records a provider that cannot serve the params as unsupported, not counting it as an attempt', async () => {
    const { engine, upstream } = setup({
      providers: [provider('btc-only', { onlyBtc: true }), provider('b')],
      pools: [ordered(['btc-only', 'b'], { maxAlternatives: 1 })],
    });
    const r = await engine.get('price', { symbols: ['ETH'] }, { pool: 'p' });
    expect(sourceOf(r)).toBe('b');
    expect(r.attempts).toEqual([
      { provider: 'btc-only', outcome: 'unsupported', message: 'only BTC, not ETH', latencyMs: 0 },
      { provider: 'b', outcome: 'ok', latencyMs: 0 },
    ]);
    expect(upstream.count('btc-only')).toBe(0);
  });

  it('makes at most maxAlternatives real attempts', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const { engine, upstream } = setup({ providers: ids.map((id) => provider(id)), pools: [ordered(ids, { maxAlternatives: 2 })] });
    for (const id of ids) upstream.answer(id, { status: 502, body: 'bad gateway' });
    const r = await engine.get('price', BTC, { pool: 'p' });
    expect(r).toMatchObject({ ok: false, code: 'all_failed' });
    expect(r.attempts.map((a) => a.provider)).toEqual(['a', 'b']);
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('Engine: deadlines', () => {
  it('times out an attempt that never answers and moves on to the next provider', async () => {
    const { engine, upstream, clock } = setup({ providers: [provider('a'), provider('b')], pools: [ordered(['a', 'b'])], options: { attemptTimeoutMs: 1_000 } });
    const t0 = clock.now();
    upstream.answer('a', 'hang');
    const { value: r, at } = await drive(clock, engine.get('price', BTC, { pool: 'p' }));
    expect(sourceOf(r)).toBe('b');
    expect(r.attempts[0]).toMatchObject({ provider: 'a', outcome: 'timeout', latencyMs: 1_000 });
    expect(upstream.calls[0]?.signal.aborted).toBe(true);
    expect(at - t0).toBe(1_000);
  });

  it('answers by the deadline when no provider ever answers', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const { engine, upstream, clock } = setup({ providers: ids.map((id) => provider(id)), pools: [ordered(ids)], options: { attemptTimeoutMs: 1_000, deadlineMs: 2_500 } });
    for (const id of ids) upstream.answer(id, 'hang');
    const t0 = clock.now();
    const { value: r, at } = await drive(clock, engine.get('price', BTC, { pool: 'p' }));
    expect(r).toMatchObject({ ok: false, code: 'all_failed' });
    // The last attempt only gets what is left of the deadline.
    expect(r.attempts.map((a) => [a.provider, a.outcome, a.latencyMs])).toEqual([
      ['a', 'timeout', 1_000],
      ['b', 'timeout', 1_000],
      ['c', 'timeout', 500],
    ]);
    expect(at - t0).toBeLessThanOrEqual(2_500);
    expect(upstream.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(upstream.count('d')).toBe(0);
  });
});

describe('Engine: cache', () => {
  it('serves a revalidating entry at once and refreshes it exactly once in the background', async () => {
    const { engine, upstream, clock } = setup({ providers: [provider('a')], pools: [ordered(['a'])], options: { ttls: { price: 10_000 } } });
    const t0 = clock.now();
    upstream.answer('a', (n) => (n === 1 ? { price: 100 } : { price: 200, delayMs: 500 }));
    await engine.get('price', BTC, { pool: 'p' });

    await clock.advance(12_000);
    const served = await engine.get('price', BTC, { pool: 'p' });
    expect(served).toMatchObject({ ok: true, cached: true, stale: false, ts: t0, data: [{ price: 100 }] });
    expect(upstream.calls).toHaveLength(2);
    const again = await engine.get('price', BTC, { pool: 'p' });
    expect(again).toMatchObject({ ok: true, cached: true, data: [{ price: 100 }] });
    expect(upstream.calls).toHaveLength(2);

    await clock.advance(500);
    const refreshed = await engine.get('price', BTC, { pool: 'p' });
    expect(refreshed).toMatchObject({ ok: true, cached: true, ts: t0 + 12_500, data: [{ price: 200 }] });
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('Engine: params', () => {
  it('refuses bad params with bad_params and a clear message, calling no provider', async () => {
    const { engine, upstream } = setup({ providers: [provider('a')] });
    const empty = await engine.get('price', { symbols: [] });
    expect(empty).toMatchObject({ ok: false, code: 'bad_params', attempts: [] });
    expect(!empty.ok && empty.message).toMatch(/^symbols: /);
    const junk = await engine.get('price', { symbols: ['BT C!'] });
    expect(!junk.ok && junk.message).toContain('a symbol is letters and digits');
    const wrongType = await engine.get('price', { symbols: 'BTC' } as never);
    expect(wrongType).toMatchObject({ ok: false, code: 'bad_params' });
    expect(upstream.calls).toHaveLength(0);
  });

  it('sees a params object changed in place between calls (the memo by identity checks its copy)', async () => {
    const { engine, upstream } = setup({ providers: [provider('a')] });
    const params: { symbols: string[]; vs?: string } = { symbols: ['BTC'] };
    const symbolsOf = async () => {
      const a = await engine.get('price', params, { fresh: true });
      if (!a.ok) throw new Error(a.message);
      return a.data.map((q) => `${q.symbol}/${q.vs}`);
    };
    expect(await symbolsOf()).toEqual(['BTC/USD']);
    params.symbols.push('ETH');
    expect(await symbolsOf()).toEqual(['BTC/USD', 'ETH/USD']);
    params.vs = 'eur';
    expect(await symbolsOf()).toEqual(['BTC/EUR', 'ETH/EUR']);
    params.symbols = ['bad symbol!'];
    expect(await engine.get('price', params)).toMatchObject({ ok: false, code: 'bad_params' });
    delete params.vs;
    params.symbols = ['ETH'];
    expect(await symbolsOf()).toEqual(['ETH/USD']);
    expect(upstream.calls.map((c) => new URL(c.request.url).search)).toEqual(['?s=BTC&vs=USD', '?s=BTC%2CETH&vs=USD', '?s=BTC%2CETH&vs=EUR', '?s=ETH&vs=USD']);
  });
});

describe('Engine: events', () => {
  it('emits request, breaker and failover rotation events', async () => {
    const { engine, upstream } = setup({ providers: [provider('a'), provider('b')], pools: [ordered(['a', 'b'])], options: { breaker: { consecutiveFailures: 1 } } });
    const requests = record(engine, 'request');
    const breakers = record(engine, 'breaker');
    const rotations = record(engine, 'rotation');
    upstream.answer('a', (n) => (n === 1 ? {} : { status: 500, body: 'no' }));

    await engine.get('price', BTC, { pool: 'p' });
    expect(rotations).toEqual([]);
    await engine.get('price', BTC, { pool: 'p', fresh: true });

    expect(requests.map((r) => [r.provider, r.ok, r.kind])).toEqual([
      ['a', true, undefined],
      ['a', false, 'http_5xx'],
      ['b', true, undefined],
    ]);
    expect(breakers).toEqual([expect.objectContaining({ provider: 'a', from: 'closed', to: 'open', cause: 'http_5xx' })]);
    expect(rotations).toEqual([expect.objectContaining({ capability: 'price', from: 'a', to: 'b', reason: 'failover' })]);
    expect(engine.rotationHistory()).toEqual([expect.objectContaining({ pool: 'p', from: 'a', to: 'b', reason: 'failover' })]);
  });
});

describe('Engine: API keys', () => {
  const KEYS = ['sk-live-AAAA1111', 'sk-live-BBBB2222'];
  const twoKeys: Secrets = { keys: (names) => (names.includes('KEYED_KEY') ? KEYS : []) };
  const queryAuth: AuthSpec = { kind: 'query', param: 'apikey', env: ['KEYED_KEY'], optional: false };

  it('never calls a provider whose required key is missing', async () => {
    const { engine, upstream } = setup({
      providers: [provider('keyed', { tier: 'critical', auth: queryAuth }), provider('free')],
      pools: [ordered(['keyed'], { id: 'only-keyed' })],
    });
    // Asked first: the cache is shared by pools, and would answer for this one too.
    const alone = await engine.get('price', BTC, { pool: 'only-keyed' });
    expect(alone).toMatchObject({ ok: false, code: 'no_provider' });
    const r = await engine.get('price', BTC);
    expect(sourceOf(r)).toBe('free');
    expect(r.attempts.map((a) => a.provider)).toEqual(['free']);
    expect(upstream.count('keyed')).toBe(0);
  });

  it('sends one key in the declared query parameter, rotates keys on 429, and never stores a key', async () => {
    const { engine, upstream, store } = setup({
      providers: [provider('keyed', { tier: 'critical', auth: queryAuth, limits: { perDay: 100 } }), provider('free')],
      secrets: twoKeys,
    });
    upstream.answer('keyed', (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '600' }, body: 'slow down' } : {}));

    const first = await engine.get('price', BTC);
    expect(sourceOf(first)).toBe('free');
    const second = await engine.get('price', BTC, { fresh: true });
    expect(sourceOf(second)).toBe('keyed');

    const sent = upstream.calls.filter((c) => c.host === 'keyed').map((c) => new URL(c.request.url).searchParams.get('apikey'));
    expect(sent).toHaveLength(2);
    expect(new Set(sent)).toEqual(new Set(KEYS));

    await engine.flush();
    const stored = await store.keys('');
    expect(stored).toContain('quota:keyed');
    for (const k of stored) {
      const text = JSON.stringify(await store.get(k));
      for (const key of KEYS) expect(text).not.toContain(key);
    }
    for (const key of KEYS) expect(JSON.stringify([first, second])).not.toContain(key);
  });

  it('sends the key in the declared header, with its prefix, and not in the URL', async () => {
    const { engine, upstream } = setup({
      providers: [provider('keyed', { auth: { kind: 'header', param: 'Authorization', prefix: 'Bearer ', env: ['KEYED_KEY'], optional: false } })],
      secrets: twoKeys,
    });
    expect(sourceOf(await engine.get('price', BTC))).toBe('keyed');
    const call = upstream.calls[0]!;
    expect(KEYS.map((k) => `Bearer ${k}`)).toContain(call.request.headers.authorization);
    for (const key of KEYS) expect(call.request.url).not.toContain(key);
  });
});

describe('Engine: persisted quotas', () => {
  it('keeps a spent day quota across a restart and uses the provider again after UTC midnight', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 15, 30));
    const store = new MemoryStore();
    const upstream = new Upstream(clock);
    const base: Setup = { providers: [provider('q', { limits: { perDay: 3 } }), provider('b')], pools: [ordered(['q', 'b'])], clock, store, upstream };

    const first = await Engine.create(options(base).opts);
    for (let i = 0; i < 3; i++) expect(sourceOf(await first.get('price', BTC, { pool: 'p', fresh: true }))).toBe('q');
    await first.close();

    const second = await Engine.create(options(base).opts);
    const refused = await second.get('price', BTC, { pool: 'p', fresh: true });
    expect(sourceOf(refused)).toBe('b');
    expect(refused.attempts[0]).toMatchObject({ provider: 'q', outcome: 'limit_wait' });
    expect(upstream.count('q')).toBe(3);

    await clock.advance(Date.UTC(2026, 0, 2) - clock.now());
    expect(sourceOf(await second.get('price', BTC, { pool: 'p', fresh: true }))).toBe('q');
    expect(upstream.count('q')).toBe(4);
    await second.close();
  });
});

describe('Engine: pools', () => {
  it('rotates a priority pool: the current source steps behind the others and the history records it', async () => {
    const ids = ['a', 'b', 'c'];
    const { engine } = setup({ providers: ids.map((id) => provider(id)) });
    engine.upsertPool(ordered(ids, { id: 'main' }));
    expect(engine.pools().map((p) => p.id)).toContain('main');
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main' }))).toBe('a');

    const rotation = engine.rotate('main', 'price');
    expect(rotation).toMatchObject({ pool: 'main', capability: 'price', from: 'a', to: 'b', reason: 'manual' });
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main', fresh: true }))).toBe('b');
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main', fresh: true }))).toBe('b');
    expect(engine.rotationHistory().map((r) => [r.from, r.to, r.reason])).toEqual([['a', 'b', 'manual']]);

    expect(engine.rotate('main', 'price')).toMatchObject({ from: 'b', to: 'a' });
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main', fresh: true }))).toBe('a');
  });

  it('updates a pool in place and removes it', async () => {
    const ids = ['a', 'b', 'c'];
    const { engine } = setup({ providers: ids.map((id) => provider(id)) });
    engine.upsertPool(ordered(ids, { id: 'main' }));
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main' }))).toBe('a');
    engine.upsertPool(ordered(['c', 'b'], { id: 'main' }));
    expect(sourceOf(await engine.get('price', BTC, { pool: 'main', fresh: true }))).toBe('c');

    expect(engine.removePool('main')).toBe(true);
    expect(engine.removePool('main')).toBe(false);
    expect(await engine.get('price', BTC, { pool: 'main', fresh: true })).toMatchObject({ ok: false, code: 'no_provider' });
    expect(engine.rotate('main', 'price')).toBeUndefined();
  });
});

describe('symbol learning', () => {
  it('passes ids a list answer reveals to the home, tagged with the provider', async () => {
    const learned: Array<[string, string, string]> = [];
    const listing = defineProvider({
      id: 'lister',
      name: 'Lister',
      category: 'market',
      baseUrl: 'http://lister',
      docs: 'https://example.org/docs',
      capabilities: {
        markets: defineCapability('markets', {
          request: () => ({ path: '/list' }),
          response: z.array(z.object({ id: z.string(), symbol: z.string(), price: z.number() })),
          transform: (raw, _p, ctx) =>
            raw.map((c, i) => {
              ctx.learn?.(c.symbol, c.id);
              return { rank: i + 1, symbol: c.symbol, name: c.id, price: c.price, marketCap: 1, volume24h: 1 };
            }),
        }),
      },
    });
    const clock = new FakeClock();
    const transport: Transport = {
      fetch: () => Promise.resolve({ status: 200, headers: {}, body: JSON.stringify([{ id: 'bitcoin', symbol: 'BTC', price: 1 }, { id: 'ether', symbol: 'ETH', price: 2 }]) }),
    };
    const engine = new Engine({
      providers: [listing],
      ports: { clock, random: new SeededRandom(1), transport, store: new MemoryStore(), secrets: noSecrets },
      learnSymbol: (provider, symbol, id) => learned.push([provider, symbol, id]),
    });
    const answer = await engine.get('markets', {});
    expect(answer.ok).toBe(true);
    expect(learned).toEqual([
      ['lister', 'BTC', 'bitcoin'],
      ['lister', 'ETH', 'ether'],
    ]);
  });
});
