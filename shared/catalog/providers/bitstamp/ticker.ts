import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';
import { positive } from '../../units';

const Body = z.object({
  timestamp: z.string(),
  high: z.string(),
  low: z.string(),
  last: z.string(),
  volume: z.string(),
  vwap: z.string(),
  bid: z.string(),
  ask: z.string(),
  percent_change_24: z.string().nullable().optional(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: `/ticker/${lowerConcatPair(pair)}/` }),
  // Rolling 24 h; every number a string, the time in seconds. Quote volume = base volume x VWAP.
  response: Body,
  transform: (t, { pair }) => ({
    pair,
    last: Number(t.last),
    bid: positive(t.bid),
    ask: positive(t.ask),
    high24h: positive(t.high),
    low24h: positive(t.low),
    baseVolume24h: Number(t.volume),
    quoteVolume24h: Number(t.volume) * Number(t.vwap),
    change24hPct: t.percent_change_24 == null ? undefined : Number(t.percent_change_24),
    ts: Number(t.timestamp) * 1000,
  }),
});
