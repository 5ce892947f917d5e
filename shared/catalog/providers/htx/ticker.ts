import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';
import { envelope } from './envelope';

// amount: 24 h base volume, vol: 24 h quote volume; bid/ask: [price, size]. Numbers, not strings.
const Tick = z.object({
  open: z.number(),
  close: z.number(),
  high: z.number(),
  low: z.number(),
  amount: z.number(),
  vol: z.number(),
  bid: z.tuple([z.number(), z.number()]),
  ask: z.tuple([z.number(), z.number()]),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/market/detail/merged', query: { symbol: lowerConcatPair(pair) } }),
  response: envelope({ tick: Tick }),
  transform: ({ tick: t, ts }, { pair }) => ({
    pair,
    last: t.close,
    bid: t.bid[0],
    ask: t.ask[0],
    high24h: t.high,
    low24h: t.low,
    baseVolume24h: t.amount,
    quoteVolume24h: t.vol,
    change24hPct: t.open > 0 ? (t.close / t.open - 1) * 100 : undefined,
    ts,
  }),
});
