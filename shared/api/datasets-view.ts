import type { z } from 'zod';
import { OHLCV_DATASETS, datasetFor } from '../catalog/providers/hf-datasets/datasets';
import { PAGE } from '../catalog/providers/hf-datasets/ohlcv';
import { SYMBOL_IDS } from '../catalog/symbols';
import type { Engine, Failure } from '../engine';
import { INTERVALS, type Candle, type Interval } from '../model';
import type { HfOhlcv, HfSymbols, HfTimeframes } from './market';
import { PROBE_POOL_PREFIX } from './rest';

/**
 * `/api/resources/hf/*`: OHLCV from the Hugging Face datasets the older system used, through the
 * engine (its limiter, breaker, cache and stats), falling back to the exchanges' OHLCV pool when
 * the dataset cannot answer. Every answer says which origin served it and, on fallback, why.
 */

export const HF_PROVIDER = 'hf-datasets';
/** The dataset provider alone in a pool, so a dataset request never rotates to an exchange. Hidden like probe pools. */
export const HF_POOL = `${PROBE_POOL_PREFIX}${HF_PROVIDER}-ohlcv`;

type DatasetEngine = Pick<Engine, 'get' | 'pools' | 'upsertPool' | 'runtime'>;

export interface DatasetAnswer<T> {
  data: T;
  source: string;
  ts: number;
  cached: boolean;
  stale: boolean;
  latencyMs: number;
}

function ensurePool(engine: DatasetEngine): void {
  if (engine.pools().some((p) => p.id === HF_POOL)) return;
  engine.upsertPool({ id: HF_POOL, name: 'Hugging Face datasets (OHLCV)', capabilities: ['ohlcv'], strategy: 'priority', members: [{ provider: HF_PROVIDER }], maxAlternatives: 1 });
}

/** Whether the dataset provider is in this engine at all (a deployment may leave it out). */
const hasProvider = (engine: DatasetEngine): boolean => engine.runtime(HF_PROVIDER) !== undefined;

export async function hfOhlcv(engine: DatasetEngine, q: { symbol: string; timeframe: Interval; limit: number }): Promise<{ ok: true; answer: DatasetAnswer<z.infer<typeof HfOhlcv>> } | Failure> {
  const d = datasetFor(q.symbol, q.timeframe);
  let reason: string;
  if (!d) reason = `no dataset holds ${q.symbol} ${q.timeframe} candles`;
  else if (!hasProvider(engine)) reason = `${HF_PROVIDER} is not in this catalog`;
  else {
    ensurePool(engine);
    // Always a full page (one cache entry per coin and timeframe). The engine's cache key is the
    // params, not the pool, so a cached exchange answer could stand here: the source says which.
    const outcome = await engine.get('ohlcv', { symbol: q.symbol, vs: 'USDT', interval: q.timeframe, limit: PAGE }, { pool: HF_POOL });
    if (outcome.ok && outcome.source === HF_PROVIDER) {
      const data = { symbol: q.symbol, timeframe: q.timeframe, origin: 'dataset' as const, dataset: d.dataset, fallbackReason: null, candles: outcome.data.slice(-q.limit) };
      return { ok: true, answer: { data, source: outcome.source, ts: outcome.ts, cached: outcome.cached, stale: outcome.stale, latencyMs: outcome.latencyMs } };
    }
    reason = outcome.ok ? `the cache held ${outcome.source}'s candles` : `the dataset failed: ${outcome.message}`;
  }
  // USDT, the datasets' own quote, so both origins answer in the same currency.
  const fallback = await engine.get('ohlcv', { symbol: q.symbol, vs: 'USDT', interval: q.timeframe, limit: q.limit });
  if (!fallback.ok) return { ...fallback, message: `${reason}; exchanges: ${fallback.message}` };
  const candles: Candle[] = fallback.data;
  const origin = fallback.source === HF_PROVIDER ? ('dataset' as const) : ('exchange' as const);
  const data = { symbol: q.symbol, timeframe: q.timeframe, origin, dataset: origin === 'dataset' && d ? d.dataset : null, fallbackReason: reason, candles };
  return { ok: true, answer: { data, source: fallback.source, ts: fallback.ts, cached: fallback.cached, stale: fallback.stale, latencyMs: fallback.latencyMs } };
}

/** Coins the catalog knows (its symbol tables): what the exchanges' OHLCV pool can be asked for. */
function exchangeSymbols(): string[] {
  const all = new Set<string>();
  for (const table of Object.values(SYMBOL_IDS) as Array<Record<string, string>>) for (const s of Object.keys(table)) all.add(s);
  return [...all].sort();
}

export function hfSymbols(engine: DatasetEngine): z.infer<typeof HfSymbols> {
  if (hasProvider(engine)) {
    const by = new Map<string, { symbol: string; dataset: string; timeframes: Interval[] }>();
    for (const d of OHLCV_DATASETS) {
      const row = by.get(d.symbol) ?? { symbol: d.symbol, dataset: d.dataset, timeframes: [] };
      row.timeframes.push(d.interval);
      by.set(d.symbol, row);
    }
    return { origin: 'dataset', symbols: [...by.values()], fallbackReason: null };
  }
  return {
    origin: 'exchange',
    symbols: exchangeSymbols().map((symbol) => ({ symbol, dataset: null, timeframes: [...INTERVALS] })),
    fallbackReason: `${HF_PROVIDER} is not in this catalog: these are the coins the exchanges' OHLCV pool can be asked for`,
  };
}

export function hfTimeframes(engine: DatasetEngine, symbol: string): z.infer<typeof HfTimeframes> {
  const held = hasProvider(engine) ? OHLCV_DATASETS.filter((d) => d.symbol === symbol).map((d) => d.interval) : [];
  if (held.length > 0) return { symbol, origin: 'dataset', timeframes: held, fallbackReason: null };
  return { symbol, origin: 'exchange', timeframes: [...INTERVALS], fallbackReason: `no dataset holds ${symbol}: these are the intervals the exchanges' OHLCV pool serves` };
}
