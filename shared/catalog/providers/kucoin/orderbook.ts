import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';
import { level } from '../../pairs-exchanges';
import { envelope } from './envelope';

const Level = z.tuple([z.string(), z.string()]);

export const orderbook = defineCapability('orderbook', {
  // Public snapshots come in two sizes only; the full book needs a key.
  request: ({ pair, depth }) => ({
    path: `/api/v1/market/orderbook/${depth <= 20 ? 'level2_20' : 'level2_100'}`,
    query: { symbol: dashPair(pair) },
  }),
  response: envelope(z.object({ time: z.number().int(), sequence: z.string(), bids: z.array(Level), asks: z.array(Level) })),
  transform: ({ data }, { pair, depth }) => ({
    pair,
    bids: data.bids.slice(0, depth).map(level),
    asks: data.asks.slice(0, depth).map(level),
    ts: data.time,
  }),
});
