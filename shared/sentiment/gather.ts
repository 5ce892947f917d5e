import type { MarketSentiment } from '../api/market';
import { SymbolMap } from '../catalog/symbols';
import type { Engine, Outcome } from '../engine';
import { combine, fearGreedPart, newsPart, socialPart, type CoinFilter, type PartInput } from './market';

/**
 * Asks the engine for the three parts at once and combines them. A part that fails never sinks
 * the others: it is kept with the engine's reason. The same list requests serve every coin (the
 * coin's items are picked out here), so the engine's cache answers a screen full of coins with
 * one upstream call per part.
 */

/** Enough headlines and posts to find a few about a given coin. */
export const NEWS_LIMIT = 50;
export const SOCIAL_LIMIT = 50;
/** The Market screen's fear & greed card asks for 30 days: the same request shares its cache. */
export const FEAR_GREED_LIMIT = 30;

export interface SentimentAnswer {
  data: MarketSentiment;
  /** The parts' sources, joined (`alternative-me+cryptopanic+reddit`); each part carries its own. */
  source: string;
  /** The oldest of the parts' fetch times. */
  ts: number;
  cached: boolean;
  stale: boolean;
  latencyMs: number;
}

const symbols = new SymbolMap();

/** The coin's name from the catalog's CoinGecko ids (`bitcoin`, `shiba-inu` -> `shiba inu`). */
export function coinFilter(symbol: string): CoinFilter {
  const id = symbols.resolve('coingecko', symbol);
  return id ? { symbol, name: id.replace(/-/g, ' ') } : { symbol };
}

const toInput = <T>(o: Outcome<readonly T[]>): PartInput<T> => (o.ok ? { ok: true, items: o.data, source: o.source, ts: o.ts, stale: o.stale } : { ok: false, error: o.message });

type SentimentEngine = Pick<Engine, 'get'>;

export async function gatherSentiment(engine: SentimentEngine, now: () => number, symbol?: string): Promise<SentimentAnswer> {
  const started = now();
  const [fg, news, social] = await Promise.all([
    engine.get('fear-greed', { limit: FEAR_GREED_LIMIT }),
    engine.get('news', { limit: NEWS_LIMIT }),
    engine.get('social', { limit: SOCIAL_LIMIT }),
  ]);
  const coin = symbol ? coinFilter(symbol) : undefined;
  const parts = [fearGreedPart(toInput(fg)), newsPart(toInput(news), coin), socialPart(toInput(social), coin)];
  const answered = [fg, news, social].filter((o) => o.ok);
  return {
    data: combine(parts, symbol ? { symbol } : {}),
    source: answered.length > 0 ? answered.map((o) => o.source).join('+') : 'none',
    ts: answered.length > 0 ? Math.min(...answered.map((o) => o.ts)) : started,
    cached: answered.length > 0 && answered.every((o) => o.cached),
    stale: answered.some((o) => o.stale),
    latencyMs: now() - started,
  };
}
