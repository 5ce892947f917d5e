import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

const Body = z.object({
  symbol: z.string(),
  last: z.string(),
  v_24h: z.string(),
  qv_24h: z.string(),
  high_24h: z.string(),
  low_24h: z.string(),
  fluctuation: z.string(),
  bid_px: z.string(),
  ask_px: z.string(),
  ts: z.union([z.string(), z.number()]),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/spot/quotation/v3/ticker', query: { symbol: underscorePair(pair) } }),
  // `fluctuation` is the 24 h change as a fraction (0.00516 = 0.516 %).
  response: envelope(Body),
  transform: ({ data: t }, { pair }) => ({
    pair,
    last: Number(t.last),
    bid: positive(t.bid_px),
    ask: positive(t.ask_px),
    high24h: positive(t.high_24h),
    low24h: positive(t.low_24h),
    baseVolume24h: Number(t.v_24h),
    quoteVolume24h: Number(t.qv_24h),
    change24hPct: Number(t.fluctuation) * 100,
    ts: Number(t.ts),
  }),
});
