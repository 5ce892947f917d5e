import type { HealthCheckT } from './monitor';
import { PROBE_POOL_PREFIX } from './rest';
import type { Engine, ProviderRuntime } from '../engine';
import { CHAINS, type Capability, type ParamsInput } from '../model';

/**
 * Health probes through the engine, for the proxy's `/api/providers/{id}/health-check` and the
 * worker's Providers screen and health rounds: the provider alone in a short-lived pool, cache
 * bypassed, so the breaker and stats see a real call.
 */

/** Params a probe sends for each capability: the commonest request so a cache or recording exists. */
export const PROBE_PARAMS: { [C in Capability]: ParamsInput<C> } = {
  price: { symbols: ['BTC'] },
  markets: { limit: 10 },
  global: {},
  trending: {},
  ohlcv: { symbol: 'BTC' },
  ticker: {},
  orderbook: {},
  trades: {},
  'fear-greed': { limit: 1 },
  news: {},
  social: {},
  'text-sentiment': { texts: ['Bitcoin is going up'] },
  gas: {},
  balance: { address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  transactions: { address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  'block-height': {},
  'token-info': { address: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
  'tvl-protocols': {},
  'tvl-chains': {},
  'nft-collection': { slug: 'boredapeyachtclub' },
  'whale-transfers': {},
};
/** Capabilities whose params name a chain: a chain-specific provider is probed on a chain it serves. */
const CHAIN_CAPS: ReadonlySet<Capability> = new Set(['gas', 'block-height', 'balance', 'transactions', 'token-info']);

/** One probe of `rt` for `capability`. */
export async function probe(engine: Engine, rt: ProviderRuntime, capability: Capability, now: () => number): Promise<HealthCheckT> {
  const poolId = `${PROBE_POOL_PREFIX}${rt.spec.id}`.slice(0, 64);
  engine.upsertPool({ id: poolId, name: `Probe ${rt.spec.id}`, capabilities: [capability], strategy: 'priority', members: [{ provider: rt.spec.id }], maxAlternatives: 1 });
  try {
    const chains = CHAIN_CAPS.has(capability) ? CHAINS : [undefined];
    let last: { ok: boolean; outcome: string; message: string | null; latencyMs: number } | undefined;
    for (const chain of chains) {
      const params = { ...PROBE_PARAMS[capability], ...(chain ? { chain } : {}) } as ParamsInput<typeof capability>;
      const answer = await engine.get(capability, params, { pool: poolId, fresh: true });
      const attempt = answer.attempts[answer.attempts.length - 1];
      last = {
        ok: answer.ok && !answer.stale && answer.source === rt.spec.id,
        outcome: attempt?.outcome ?? (answer.ok ? 'ok' : answer.code),
        message: answer.ok ? null : (attempt?.message ?? answer.message),
        latencyMs: attempt?.latencyMs ?? 0,
      };
      if (last.outcome !== 'unsupported') break;
    }
    return { provider: rt.spec.id, capability, ...(last ?? { ok: false, outcome: 'unsupported', message: null, latencyMs: 0 }), state: rt.breaker.state, at: now() };
  } finally {
    engine.removePool(poolId);
  }
}
