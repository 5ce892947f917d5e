import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { decimal } from '../../pairs-exchanges';
import { positive } from '../../units';

const numeric = z.union([z.string(), z.number()]);
const Body = z.object({
  lastPrice: z.string(),
  bidPrice: z.string().nullable(),
  askPrice: z.string().nullable(),
  highPrice: z.string(),
  lowPrice: z.string(),
  volume: z.string(),
  quoteVolume: z.string().nullable(),
  priceChangePercent: z.string(),
  closeTime: numeric,
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/api/v3/ticker/24hr', query: { symbol: concatPair(pair) } }),
  // Binance-like, but `priceChangePercent` is a FRACTION (0.0173 = 1.73 %).
  response: Body,
  transform: (t, { pair }) => ({
    pair,
    last: Number(t.lastPrice),
    bid: positive(t.bidPrice ?? undefined),
    ask: positive(t.askPrice ?? undefined),
    high24h: positive(t.highPrice),
    low24h: positive(t.lowPrice),
    baseVolume24h: Number(t.volume),
    quoteVolume24h: t.quoteVolume === null ? undefined : Number(t.quoteVolume),
    change24hPct: Number(t.priceChangePercent) * 100,
    ts: decimal(t.closeTime),
  }),
});
