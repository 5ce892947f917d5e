import { circuitBreaker, ConsecutiveBreaker, handleAll, retry, wrap } from 'cockatiel';
import { coingecko } from '../../shared/catalog/providers/coingecko';
import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, interpret, MemoryStore, noSecrets, SeededRandom, systemClock, buildHttpRequest, type HttpResponse, type Transport } from '../../shared/engine';
import { CAPABILITIES, type ParamsOf } from '../../shared/model';
import { interleavedMedians, line, type BenchLine } from './harness';

const NEVER = new AbortController().signal;

const BODY = '{"bitcoin":{"usd":7984.89,"usd_24h_change":1.2,"usd_24h_vol":1000,"usd_market_cap":2000}}';

/** A transport that answers at once, so what is measured is the engine's own overhead. */
const instant: Transport = {
  fetch: (): Promise<HttpResponse> => Promise.resolve({ status: 200, headers: {}, body: BODY }),
};

/**
 * `router.miss.median_us`: the engine's overhead per request on a cache miss (params validation,
 * cache and in-flight bookkeeping, pool pick, limiter, breakers, timeout, stats, cache write):
 * its median time minus the median of the work every variant shares (request building, the
 * instant transport, JSON parse, raw schema, transform, canonical validation). Baseline: the
 * same overhead for cockatiel's retry + circuit breaker wrapped around that same shared work.
 */
export async function benchRouter(): Promise<BenchLine[]> {
  const symbols = new SymbolMap();
  const provider = { ...coingecko, baseUrl: 'http://bench', limits: {} };
  const engine = new Engine({
    providers: [provider],
    ports: { clock: systemClock, random: new SeededRandom(1), transport: instant, store: new MemoryStore(), secrets: noSecrets },
    symbolId: (p, s) => symbols.resolve(p, s),
  });
  const params = { symbols: ['BTC'] };
  const viaEngine = async () => {
    const r = await engine.get('price', params, { fresh: true });
    if (!r.ok) throw new Error(r.message);
  };

  // The work every variant shares: build the request, call the transport, parse and validate.
  const adapter = coingecko.capabilities.price;
  if (!adapter) throw new Error('coingecko has no price adapter');
  const parsed = CAPABILITIES.price.params.parse(params) as ParamsOf<'price'>;
  const ctx = { now: 0, symbolId: symbols.forProvider('coingecko') };
  const bare = async (signal?: AbortSignal) => {
    const spec = adapter.request(parsed, ctx);
    if (typeof spec === 'string') throw new Error(spec);
    const res = await instant.fetch(buildHttpRequest(provider, spec, undefined), { signal: signal ?? NEVER });
    const r = interpret(provider, adapter, res, parsed, { ...ctx, now: Date.now() });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  const policy = wrap(retry(handleAll, { maxAttempts: 1 }), circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }));
  const viaCockatiel = () => policy.execute(({ signal }) => bare(signal));

  const [ours, theirs, shared] = (await interleavedMedians([viaEngine, viaCockatiel, () => bare()])) as [number, number, number];
  await engine.close();
  // Overhead = a variant's median minus the shared work's median, measured in the same rounds.
  return [
    line('router.miss.median_us', Math.max(0, ours - shared), 'us', Math.max(0.01, theirs - shared)),
    line('router.miss.total_median_us', ours, 'us', theirs),
    line('router.miss.shared_work_median_us', shared, 'us'),
  ];
}
