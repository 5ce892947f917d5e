import { z } from 'zod';
import * as C from './capabilities';

export * from './primitives';
export * from './capabilities';

/**
 * Every capability of the canonical model: its params schema and the schema of its result.
 * The engine validates every transformed answer against `result`, so nothing unvalidated
 * ever reaches a caller.
 */
export const CAPABILITIES = {
  price: { params: C.PriceParams, result: z.array(C.Quote).min(1) },
  markets: { params: C.MarketsParams, result: z.array(C.MarketCoin).min(1) },
  global: { params: C.NoParams, result: C.GlobalMetrics },
  trending: { params: C.NoParams, result: z.array(C.TrendingCoin).min(1) },
  ohlcv: { params: C.OhlcvParams, result: z.array(C.Candle).min(1) },
  ticker: { params: C.PairParams, result: C.Ticker },
  orderbook: { params: C.OrderBookParams, result: C.OrderBook },
  trades: { params: C.TradesParams, result: z.array(C.Trade) },
  'fear-greed': { params: C.FearGreedParams, result: z.array(C.FearGreedPoint).min(1) },
  news: { params: C.NewsParams, result: z.array(C.NewsItem) },
  social: { params: C.SocialParams, result: z.array(C.SocialPost) },
  'text-sentiment': { params: C.TextSentimentParams, result: z.array(C.SentimentResult).min(1) },
  gas: { params: C.ChainParams, result: C.GasQuote },
  balance: { params: C.AddressParams, result: C.Balance },
  transactions: { params: C.TransactionsParams, result: z.array(C.Tx) },
  'block-height': { params: C.ChainParams, result: C.BlockHeight },
  'token-info': { params: C.TokenInfoParams, result: C.TokenInfo },
  'tvl-protocols': { params: C.TvlProtocolsParams, result: z.array(C.Protocol).min(1) },
  'tvl-chains': { params: C.NoParams, result: z.array(C.ChainTvl).min(1) },
  'nft-collection': { params: C.NftParams, result: C.NftCollectionStats },
  'whale-transfers': { params: C.WhaleParams, result: z.array(C.WhaleTransfer) },
} as const;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_IDS = Object.keys(CAPABILITIES) as Capability[];

/** Params after defaults apply (what adapters receive). */
export type ParamsOf<C extends Capability> = z.output<(typeof CAPABILITIES)[C]['params']>;
/** Params as a caller may write them (defaults optional). */
export type ParamsInput<C extends Capability> = z.input<(typeof CAPABILITIES)[C]['params']>;
export type ResultOf<C extends Capability> = z.output<(typeof CAPABILITIES)[C]['result']>;

export const isCapability = (s: string): s is Capability => Object.hasOwn(CAPABILITIES, s);

export type Quote = z.infer<typeof C.Quote>;
export type MarketCoin = z.infer<typeof C.MarketCoin>;
export type GlobalMetrics = z.infer<typeof C.GlobalMetrics>;
export type TrendingCoin = z.infer<typeof C.TrendingCoin>;
export type Candle = z.infer<typeof C.Candle>;
export type Ticker = z.infer<typeof C.Ticker>;
export type OrderBook = z.infer<typeof C.OrderBook>;
export type Trade = z.infer<typeof C.Trade>;
export type FearGreedPoint = z.infer<typeof C.FearGreedPoint>;
export type NewsItem = z.infer<typeof C.NewsItem>;
export type SocialPost = z.infer<typeof C.SocialPost>;
export type SentimentResult = z.infer<typeof C.SentimentResult>;
export type GasQuote = z.infer<typeof C.GasQuote>;
export type Balance = z.infer<typeof C.Balance>;
export type Tx = z.infer<typeof C.Tx>;
export type BlockHeight = z.infer<typeof C.BlockHeight>;
export type TokenInfo = z.infer<typeof C.TokenInfo>;
export type Protocol = z.infer<typeof C.Protocol>;
export type ChainTvl = z.infer<typeof C.ChainTvl>;
export type NftCollectionStats = z.infer<typeof C.NftCollectionStats>;
export type WhaleTransfer = z.infer<typeof C.WhaleTransfer>;
