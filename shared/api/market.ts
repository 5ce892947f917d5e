import { z } from 'zod';
import { Interval, SentimentLabel } from '../model';
import { Candle } from '../model/capabilities';
import type { Operation } from './rest';

/**
 * Shapes of the market-insight routes (sentiment, price consensus, OHLCV datasets), shared by the
 * proxy (validation, OpenAPI), the worker (direct mode) and the app. Kept apart from ./rest.ts so
 * that file only lists them in OPERATIONS.
 */

// ---- sentiment ----

export const SENTIMENT_PARTS = ['fearGreed', 'news', 'social'] as const;
export type SentimentPartKind = (typeof SENTIMENT_PARTS)[number];

/** One input of a sentiment answer: a value with its source and age, or why it is missing. */
export const SentimentPart = z.object({
  kind: z.enum(SENTIMENT_PARTS),
  ok: z.boolean(),
  /** -1 (bearish) … 1 (bullish); null when the part failed or had nothing to score. */
  score: z.number().min(-1).max(1).nullable(),
  label: SentimentLabel.nullable(),
  /** Items scored (headlines, posts; 1 for the index). */
  count: z.number().int().nonnegative(),
  breakdown: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  /** Fear & greed: the index value 0–100 and the provider's label. */
  index: z.number().min(0).max(100).nullable(),
  indexLabel: z.string().nullable(),
  source: z.string().nullable(),
  ts: z.number().nullable(),
  stale: z.boolean(),
  /** Why the part is missing or empty, fit to show a person; null when it answered. */
  error: z.string().nullable(),
});
export type SentimentPart = z.infer<typeof SentimentPart>;

export const MarketSentiment = z.object({
  scope: z.enum(['global', 'coin']),
  symbol: z.string().nullable(),
  /** Weighted over the parts that answered; null when none did. */
  score: z.number().min(-1).max(1).nullable(),
  /** The score on the 0–100 scale of the fear & greed index. */
  index: z.number().min(0).max(100).nullable(),
  label: SentimentLabel.nullable(),
  parts: z.array(SentimentPart),
});
export type MarketSentiment = z.infer<typeof MarketSentiment>;

// ---- price consensus ----

export const ConsensusQuote = z.object({ provider: z.string(), price: z.number(), deviationPct: z.number(), outlier: z.boolean() });
export const PriceConsensus = z.object({
  symbol: z.string(),
  vs: z.string(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  /** (max - min) / median over the providers kept, in percent. */
  spreadPct: z.number(),
  thresholdPct: z.number(),
  quotes: z.array(ConsensusQuote),
  /** Providers left out as outliers and demoted (a failure on their price breaker). */
  demoted: z.array(z.string()),
  /** Providers asked that did not answer, and why. */
  failed: z.array(z.object({ provider: z.string(), outcome: z.string(), message: z.string().nullable() })),
});
export type PriceConsensus = z.infer<typeof PriceConsensus>;

export const ConsensusQuery = z.object({
  vs: z
    .string()
    .max(20)
    .regex(/^[A-Za-z0-9]+$/, 'vs is letters and digits, e.g. USD')
    .transform((s) => s.toUpperCase())
    .default('USD'),
  k: z.coerce.number().int('k must be a whole number').min(2, 'k is at least 2').max(7, 'k is at most 7').default(3),
  threshold: z.coerce.number().min(0.1, 'threshold is at least 0.1 (%)').max(50, 'threshold is at most 50 (%)').default(2),
});

// ---- OHLCV datasets ----

export const HfOhlcvQuery = z.object({
  symbol: z
    .string({ error: 'symbol is required, e.g. ?symbol=BTC' })
    .max(20, 'a symbol is at most 20 characters')
    .regex(/^[A-Za-z0-9]+$/, 'a symbol is letters and digits, e.g. BTC')
    .transform((s) => s.toUpperCase()),
  timeframe: Interval.default('1h'),
  limit: z.coerce.number().int('limit must be a whole number').min(1).max(1000).default(100),
});

/** Where a dataset answer came from: the Hugging Face datasets, or the exchange pool as fallback. */
export const DatasetOrigin = z.enum(['dataset', 'exchange']);

export const HfOhlcv = z.object({
  symbol: z.string(),
  timeframe: Interval,
  origin: DatasetOrigin,
  /** The dataset (`owner/name`) when origin is `dataset`. */
  dataset: z.string().nullable(),
  /** Why the dataset did not serve it, when origin is `exchange`. */
  fallbackReason: z.string().nullable(),
  candles: z.array(Candle),
});
export const HfSymbols = z.object({
  origin: DatasetOrigin,
  symbols: z.array(z.object({ symbol: z.string(), dataset: z.string().nullable(), timeframes: z.array(Interval) })),
  fallbackReason: z.string().nullable(),
});
export const HfTimeframes = z.object({
  symbol: z.string(),
  origin: DatasetOrigin,
  timeframes: z.array(Interval),
  fallbackReason: z.string().nullable(),
});

// ---- the operations (spread into OPERATIONS in ./rest.ts; only its type is imported, so no cycle) ----

const SymbolPath = z.object({
  symbol: z
    .string()
    .max(20, 'a symbol is at most 20 characters')
    .regex(/^[A-Za-z0-9]+$/, 'a symbol is letters and digits, e.g. BTC')
    .transform((s) => s.toUpperCase()),
});
export { SymbolPath as MarketSymbolParams };

/** Upstream-derived answers: the data, its source(s) and age (the shape of rest.ts `answerOf`). */
const answered = <T extends z.ZodType>(data: T) =>
  z.object({ data, source: z.string(), ts: z.number(), ageMs: z.number(), cached: z.boolean(), stale: z.boolean(), latencyMs: z.number() });

export const MARKET_OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/resources/sentiment/global', tag: 'resources', summary: 'Market sentiment: fear & greed, headline and social sentiment, each part with its source (a failed part says why)', ok: { status: 200, body: answered(MarketSentiment) }, errors: [429] },
  { method: 'get', path: '/api/resources/sentiment/coin/{symbol}', tag: 'resources', summary: "One coin's sentiment: headlines and posts that mention it, with the market's fear & greed", params: SymbolPath, ok: { status: 200, body: answered(MarketSentiment) }, errors: [400, 429] },
  { method: 'get', path: '/api/resources/market/consensus/{symbol}', tag: 'resources', summary: 'Price consensus across k providers: median, spread, each quote; outliers are demoted and logged', params: SymbolPath, query: ConsensusQuery, ok: { status: 200, body: answered(PriceConsensus) }, errors: [400, 404, 429, 503] },
  { method: 'get', path: '/api/resources/hf/ohlcv', tag: 'resources', summary: 'OHLCV from the Hugging Face datasets, falling back to the exchanges (origin says which)', query: HfOhlcvQuery, ok: { status: 200, body: answered(HfOhlcv) }, errors: [400, 404, 429, 503] },
  { method: 'get', path: '/api/resources/hf/symbols', tag: 'resources', summary: 'Coins the OHLCV datasets hold', ok: { status: 200, body: HfSymbols }, errors: [429] },
  { method: 'get', path: '/api/resources/hf/timeframes/{symbol}', tag: 'resources', summary: 'Timeframes the datasets hold for a coin (else what the exchanges serve, labelled)', params: SymbolPath, ok: { status: 200, body: HfTimeframes }, errors: [400, 429] },
];
