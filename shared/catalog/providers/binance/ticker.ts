import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { positive } from '../../units';

const Body = z.object({
  symbol: z.string(),
  lastPrice: z.string(),
  bidPrice: z.string(),
  askPrice: z.string(),
  highPrice: z.string(),
  lowPrice: z.string(),
  volume: z.string(),
  quoteVolume: z.string(),
  priceChangePercent: z.string(),
  closeTime: z.number().int(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/api/v3/ticker/24hr', query: { symbol: concatPair(pair) }, weight: 2 }),
  // Every decimal is a string; a rolling 24 h window that closes at `closeTime`.
  response: Body,
  transform: (t, { pair }) => ({
    pair,
    last: Number(t.lastPrice),
    bid: positive(t.bidPrice),
    ask: positive(t.askPrice),
    high24h: positive(t.highPrice),
    low24h: positive(t.lowPrice),
    baseVolume24h: Number(t.volume),
    quoteVolume24h: Number(t.quoteVolume),
    change24hPct: Number(t.priceChangePercent),
    ts: t.closeTime,
  }),
});
