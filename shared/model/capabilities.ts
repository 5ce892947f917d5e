import { z } from 'zod';
import {
  Address,
  Chain,
  DecimalString,
  EpochMs,
  FiniteNonNegative,
  FinitePositive,
  Interval,
  Pair,
  CoinSymbol,
} from './primitives';

const limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
const pct = z.number().finite();

// ---- market data ----
export const Quote = z.object({
  symbol: CoinSymbol,
  vs: CoinSymbol,
  price: FinitePositive,
  change24hPct: pct.optional(),
  volume24h: FiniteNonNegative.optional(),
  marketCap: FiniteNonNegative.optional(),
  ts: EpochMs,
});
export const PriceParams = z.object({
  symbols: z.array(CoinSymbol).min(1).max(100),
  vs: CoinSymbol.default('USD'),
});

/**
 * A link shown to people (an article, a post, an image): http or https only. A provider body with
 * `javascript:` or `data:` there fails validation instead of reaching a page as a live link.
 */
export const WebUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

export const MarketCoin = z.object({
  rank: z.number().int().positive(),
  symbol: CoinSymbol,
  name: z.string().min(1),
  price: FinitePositive,
  marketCap: FiniteNonNegative,
  volume24h: FiniteNonNegative,
  change24hPct: pct.optional(),
  image: WebUrl.optional(),
});
export const MarketsParams = z.object({ vs: CoinSymbol.default('USD'), limit: limit(100, 250) });

export const GlobalMetrics = z.object({
  totalMarketCapUsd: FinitePositive,
  totalVolumeUsd: FiniteNonNegative,
  /** Market-cap dominance in percent, keyed by canonical symbol. */
  dominance: z.record(z.string(), z.number().finite().min(0).max(100)),
  ts: EpochMs,
});
export const NoParams = z.object({});

export const TrendingCoin = z.object({
  symbol: CoinSymbol,
  name: z.string().min(1),
  rank: z.number().int().positive().optional(),
  score: z.number().finite().optional(),
});

export const Candle = z.object({
  t: EpochMs,
  o: FinitePositive,
  h: FinitePositive,
  l: FinitePositive,
  c: FinitePositive,
  v: FiniteNonNegative,
});
export const OhlcvParams = z.object({
  symbol: CoinSymbol,
  vs: CoinSymbol.default('USD'),
  interval: Interval.default('1h'),
  limit: limit(100, 1000),
});

// ---- exchanges ----
export const Ticker = z.object({
  pair: Pair,
  last: FinitePositive,
  bid: FinitePositive.optional(),
  ask: FinitePositive.optional(),
  high24h: FinitePositive.optional(),
  low24h: FinitePositive.optional(),
  baseVolume24h: FiniteNonNegative.optional(),
  quoteVolume24h: FiniteNonNegative.optional(),
  change24hPct: pct.optional(),
  ts: EpochMs,
});
export const PairParams = z.object({ pair: Pair.default('BTC/USDT') });

const Level = z.tuple([FinitePositive, FinitePositive]);
export const OrderBook = z.object({
  pair: Pair,
  /** Best (highest) bid first. */
  bids: z.array(Level),
  /** Best (lowest) ask first. */
  asks: z.array(Level),
  ts: EpochMs.optional(),
});
export const OrderBookParams = z.object({ pair: Pair.default('BTC/USDT'), depth: limit(20, 500) });

export const Trade = z.object({
  id: z.string().min(1),
  t: EpochMs,
  price: FinitePositive,
  amount: FinitePositive,
  side: z.enum(['buy', 'sell']),
});
export const TradesParams = z.object({ pair: Pair.default('BTC/USDT'), limit: limit(50, 1000) });

// ---- sentiment, news, social ----
export const FearGreedPoint = z.object({
  value: z.number().int().min(0).max(100),
  label: z.string().min(1),
  ts: EpochMs,
});
export const FearGreedParams = z.object({ limit: limit(30, 1000) });

export const NewsItem = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: WebUrl,
  source: z.string().min(1),
  publishedAt: EpochMs,
  summary: z.string().optional(),
  symbols: z.array(CoinSymbol),
});
export const NewsParams = z.object({ symbols: z.array(CoinSymbol).max(20).optional(), limit: limit(20, 100) });

export const SocialPost = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: WebUrl,
  score: z.number().int(),
  comments: z.number().int().nonnegative(),
  t: EpochMs,
});
export const SocialParams = z.object({
  community: z.string().regex(/^[A-Za-z0-9_]{2,32}$/, 'a community name').default('CryptoCurrency'),
  limit: limit(25, 100),
});

export const SentimentLabel = z.enum(['positive', 'neutral', 'negative']);
export const SentimentResult = z.object({
  label: SentimentLabel,
  score: z.number().min(0).max(1),
  model: z.string().min(1),
});
export const TextSentimentParams = z.object({ texts: z.array(z.string().min(1).max(2000)).min(1).max(32) });

// ---- on-chain ----
export const GasQuote = z.object({
  chain: Chain,
  slow: FiniteNonNegative,
  standard: FiniteNonNegative,
  fast: FiniteNonNegative,
  baseFee: FiniteNonNegative.optional(),
  unit: z.enum(['gwei', 'sat/vB']),
  ts: EpochMs,
});
export const ChainParams = z.object({ chain: Chain.default('ethereum') });

export const Balance = z.object({ chain: Chain, address: Address, amount: DecimalString, ts: EpochMs });
export const AddressParams = z.object({ chain: Chain.default('ethereum'), address: Address });

export const Tx = z.object({
  hash: z.string().min(1),
  t: EpochMs,
  from: z.string(),
  to: z.string(),
  value: DecimalString,
  fee: DecimalString.optional(),
  status: z.enum(['ok', 'failed']),
});
export const TransactionsParams = AddressParams.extend({ limit: limit(25, 1000) });

export const BlockHeight = z.object({ chain: Chain, height: z.number().int().nonnegative(), ts: EpochMs });

export const TokenInfo = z.object({
  address: Address,
  name: z.string(),
  symbol: z.string(),
  decimals: z.number().int().min(0).max(255),
  totalSupply: DecimalString,
  priceUsd: FinitePositive.optional(),
  holders: z.number().int().nonnegative().optional(),
});

// ---- DeFi, NFT, whales ----
export const Protocol = z.object({
  name: z.string().min(1),
  slug: z.string().min(1),
  tvlUsd: FiniteNonNegative,
  change1dPct: pct.optional(),
  chains: z.array(z.string()),
  category: z.string().optional(),
});
export const TvlProtocolsParams = z.object({ limit: limit(50, 500) });

export const ChainTvl = z.object({ chain: z.string().min(1), tvlUsd: FiniteNonNegative });

export const NftCollectionStats = z.object({
  slug: z.string().min(1),
  floorPrice: FiniteNonNegative,
  currency: z.string().min(1),
  volume24h: FiniteNonNegative.optional(),
  owners: z.number().int().nonnegative().optional(),
  supply: z.number().nonnegative().optional(),
});
export const NftParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a collection slug') });

export const WhaleTransfer = z.object({
  hash: z.string().min(1),
  chain: z.string().min(1),
  symbol: CoinSymbol,
  amount: FinitePositive,
  amountUsd: FinitePositive,
  from: z.string(),
  to: z.string(),
  t: EpochMs,
});
export const WhaleParams = z.object({
  minUsd: z.coerce.number().finite().positive().default(1_000_000),
  chain: Chain.optional(),
});

export const TokenInfoParams = AddressParams;
