import type { MarketSentiment, SentimentPart, SentimentPartKind } from '../api/market';
import type { FearGreedPoint, NewsItem, SocialPost } from '../model';
import { scoreText } from './lexicon';

/**
 * Market sentiment as a pure combination of three parts: the fear & greed index, headline
 * sentiment (news) and social posts, each scored with the offline lexicon. Nothing here fetches:
 * ./gather.ts asks the engine and hands the answers (or why they failed) to these functions.
 */

type Label = 'positive' | 'neutral' | 'negative';

/** Where a part's items came from; `error` when the part could not be fetched. */
export type PartInput<T> = { ok: true; items: readonly T[]; source: string; ts: number; stale: boolean } | { ok: false; error: string };

/**
 * Weights of the parts in the overall score. The index already folds volatility, volume and
 * momentum together, so it weighs most; headlines come next; one community's posts least.
 */
export const PART_WEIGHTS: Record<SentimentPartKind, number> = { fearGreed: 0.4, news: 0.35, social: 0.25 };

/** Beyond ±this, a score is called positive / negative; inside it, neutral. */
export const NEUTRAL_BAND = 0.1;

export const labelOf = (score: number): Label => (score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral');
const clamp = (x: number): number => Math.max(-1, Math.min(1, x));
/** -1..1 -> 0..100, the index's scale. */
export const toIndex = (score: number): number => Math.round((score + 1) * 50);

/** A text's signed score: the lexicon's confidence, positive or negative, 0 when neutral. */
export function signedScore(text: string): { label: Label; value: number } {
  const r = scoreText(text);
  const value = r.label === 'positive' ? Math.abs(r.score) : r.label === 'negative' ? -Math.abs(r.score) : 0;
  return { label: r.label, value: clamp(value) };
}

const emptyPart = (kind: SentimentPartKind): SentimentPart => ({
  kind,
  ok: false,
  score: null,
  label: null,
  count: 0,
  breakdown: { positive: 0, neutral: 0, negative: 0 },
  index: null,
  indexLabel: null,
  source: null,
  ts: null,
  stale: false,
  error: null,
});

export function fearGreedPart(input: PartInput<FearGreedPoint>): SentimentPart {
  const part = emptyPart('fearGreed');
  if (!input.ok) return { ...part, error: input.error };
  const latest = [...input.items].sort((a, b) => b.ts - a.ts)[0];
  if (!latest) return { ...part, source: input.source, ts: input.ts, stale: input.stale, error: 'the provider answered with no index value' };
  const score = clamp((latest.value - 50) / 50);
  const label = labelOf(score);
  return {
    ...part,
    ok: true,
    score,
    label,
    count: 1,
    breakdown: { positive: label === 'positive' ? 1 : 0, neutral: label === 'neutral' ? 1 : 0, negative: label === 'negative' ? 1 : 0 },
    index: latest.value,
    indexLabel: latest.label,
    source: input.source,
    // The index's own date says how old the reading is, not when it was fetched.
    ts: latest.ts,
    stale: input.stale,
  };
}

/** Scores texts (headlines, post titles) and averages them. */
function textPart(kind: 'news' | 'social', input: PartInput<{ text: string }>, nothing: string): SentimentPart {
  const part = emptyPart(kind);
  if (!input.ok) return { ...part, error: input.error };
  const base = { ...part, source: input.source, ts: input.ts, stale: input.stale };
  if (input.items.length === 0) return { ...base, error: nothing };
  const breakdown = { positive: 0, neutral: 0, negative: 0 };
  let sum = 0;
  for (const item of input.items) {
    const s = signedScore(item.text);
    breakdown[s.label]++;
    sum += s.value;
  }
  const score = clamp(sum / input.items.length);
  return { ...base, ok: true, score, label: labelOf(score), count: input.items.length, breakdown };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a text is about a coin: its ticker as a word (`BTC`, `$BTC`) or its name. */
export function mentions(text: string, symbol: string, name?: string): boolean {
  const words = [symbol, ...(name ? [name] : [])].map(escape).join('|');
  return new RegExp(`(^|[^A-Za-z0-9])\\$?(${words})([^A-Za-z0-9]|$)`, 'i').test(text);
}

export interface CoinFilter {
  symbol: string;
  /** The coin's name (`Bitcoin`), matched as a word too. */
  name?: string;
}

const keep = <T, U = T>(input: PartInput<T>, pick: (items: readonly T[]) => U[]): PartInput<U> => (input.ok ? { ...input, items: pick(input.items) } : input);

export function newsPart(input: PartInput<NewsItem>, coin?: CoinFilter): SentimentPart {
  const about = coin
    ? keep(input, (items) => items.filter((n) => n.symbols.includes(coin.symbol) || mentions(`${n.title} ${n.summary ?? ''}`, coin.symbol, coin.name)))
    : input;
  const texts = keep(about, (items) => items.map((n) => ({ text: n.title })));
  return textPart('news', texts, coin ? `no recent headline mentions ${coin.symbol}` : 'the provider answered with no headlines');
}

export function socialPart(input: PartInput<SocialPost>, coin?: CoinFilter): SentimentPart {
  const about = coin ? keep(input, (items) => items.filter((p) => mentions(p.title, coin.symbol, coin.name))) : input;
  const texts = keep(about, (items) => items.map((p) => ({ text: p.title })));
  return textPart('social', texts, coin ? `no recent post mentions ${coin.symbol}` : 'the provider answered with no posts');
}

/** The overall score: the parts that answered, weighted, renormalised over those present. */
export function combine(parts: readonly SentimentPart[], scope: { symbol?: string }): MarketSentiment {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (!p.ok || p.score === null) continue;
    sum += p.score * PART_WEIGHTS[p.kind];
    weights += PART_WEIGHTS[p.kind];
  }
  const score = weights > 0 ? clamp(sum / weights) : null;
  return {
    scope: scope.symbol ? 'coin' : 'global',
    symbol: scope.symbol ?? null,
    score,
    index: score === null ? null : toIndex(score),
    label: score === null ? null : labelOf(score),
    parts: [...parts],
  };
}
