import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { SymbolMap } from '../../shared/catalog/symbols';
import { readFixture } from '../../shared/catalog/testing/conformance';
import type { CapabilityAdapter, ProviderSpec } from '../../shared/engine/adapter';
import { interpret } from '../../shared/engine/pipeline';
import { CAPABILITIES, type Capability } from '../../shared/model';
import { loadCases } from '../sim/routes';

/**
 * Random bodies to every adapter of every provider: decode over fc.anything() must never throw;
 * the whole pipeline (interpret: parse, classify, decode, canonical schema, sanity) over random
 * JSON, random text and recorded fixtures mutated at random must return either data that passes
 * the capability's canonical schema or a classified failure with a message.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_701);
const RUNS = Number(process.env.FUZZ_ADAPTER_RUNS ?? 40);
const symbols = new SymbolMap();
const cases = await loadCases();

/** Params a capability is asked with when the provider has no recording of it. */
const DEFAULT_PARAMS: Partial<Record<Capability, unknown>> = {
  price: { symbols: ['BTC'] },
  ohlcv: { symbol: 'BTC', interval: '1h' },
  ticker: { pair: 'BTC/USDT' },
  orderbook: { pair: 'BTC/USDT' },
  trades: { pair: 'BTC/USDT' },
  social: { community: 'bitcoin' },
  'text-sentiment': { texts: ['bitcoin is up'] },
  balance: { chain: 'ethereum', address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  transactions: { chain: 'ethereum', address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  'token-info': { chain: 'ethereum', address: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
  'nft-collection': { slug: 'boredapeyachtclub' },
  'whale-transfers': { minUsd: 1_000_000 },
};

interface Target {
  provider: ProviderSpec;
  capability: Capability;
  adapter: CapabilityAdapter;
  params: unknown;
  recorded: string[];
}

function targets(): Target[] {
  const out: Target[] = [];
  for (const provider of allProviders()) {
    for (const [capability, adapter] of Object.entries(provider.capabilities) as Array<[Capability, CapabilityAdapter | undefined]>) {
      if (!adapter) continue;
      const own = (cases.get(provider.id) ?? []).filter((c) => c.capability === capability);
      const input = own[0]?.params ?? DEFAULT_PARAMS[capability] ?? {};
      const parsed = CAPABILITIES[capability].params.safeParse(input);
      if (!parsed.success) continue;
      out.push({ provider, capability, adapter, params: parsed.data, recorded: own.map((c) => readFixture(c.fixture)) });
    }
  }
  return out;
}

/** A JSON value with one random subtree replaced by a random value (the shape of schema drift). */
function mutate(json: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || json === null || typeof json !== 'object') return replacement;
  const entries = Array.isArray(json) ? json.map((v, i) => [String(i), v] as const) : Object.entries(json as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [head = 0, ...rest] = path;
  const at = head % entries.length;
  const next = entries.map(([k, v], i) => [k, i === at ? mutate(v, rest, replacement) : v] as const);
  return Array.isArray(json) ? next.map(([, v]) => v) : Object.fromEntries(next);
}

const ALL = targets();

describe('adapter fuzzing (every provider x capability, seeded)', () => {
  it('covers every adapter of the catalog', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });

  it.each(ALL.map((t, i) => [`${t.provider.id} ${t.capability}`, t, i] as const))('%s: never throws, ok only with canonical data', (_label, t, i) => {
    const ctx = { now: Date.now(), symbolId: symbols.forProvider(t.provider.id) };
    const check = (body: string, status = 200) => {
      const r = interpret(t.provider, t.adapter, { status, headers: {}, body }, t.params as never, ctx);
      if (r.ok) return CAPABILITIES[t.capability].result.safeParse(r.value).success;
      return typeof r.kind === 'string' && r.message.length > 0;
    };
    // decode itself, on any JS value (not only what JSON.parse makes).
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (value) => {
        const d = t.adapter.decode(value, t.params as never, ctx);
        return d.ok || d.message.length > 0;
      }),
      { seed: SEED + i, numRuns: RUNS },
    );
    const bodies = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 300, unit: 'binary' }),
      fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.constantFrom(200, 203, 400, 404, 429, 500, 503)).map(([n, s]) => ({ body: '[]'.padStart(n, ' '), status: s })),
    );
    fc.assert(
      fc.property(bodies, (b) => (typeof b === 'string' ? check(b) : check(b.body, b.status))),
      { seed: SEED + 10_000 + i, numRuns: RUNS },
    );
    // Recorded bodies with a random subtree swapped for a random value.
    for (const recorded of t.recorded) {
      let json: unknown;
      try {
        json = JSON.parse(recorded);
      } catch {
        // A non-JSON recording (RSS, XML): cut it at random points instead.
        fc.assert(fc.property(fc.nat(recorded.length), (n) => check(recorded.slice(0, n))), { seed: SEED + 20_000 + i, numRuns: RUNS });
        continue;
      }
      fc.assert(
        fc.property(fc.array(fc.nat(50), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => check(JSON.stringify(mutate(json, path, replacement)))),
        { seed: SEED + 20_000 + i, numRuns: RUNS },
      );
    }
  });
});
