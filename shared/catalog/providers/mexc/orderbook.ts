import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { decimal, level } from '../../pairs-exchanges';

const Level = z.tuple([z.string(), z.string()]);
const numeric = z.union([z.string(), z.number()]);

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/api/v3/depth', query: { symbol: concatPair(pair), limit: Math.min(depth, 5000) } }),
  response: z.object({ lastUpdateId: numeric, bids: z.array(Level), asks: z.array(Level), timestamp: numeric.optional() }),
  transform: (b, { pair, depth }) => ({
    pair,
    bids: b.bids.slice(0, depth).map(level),
    asks: b.asks.slice(0, depth).map(level),
    ts: b.timestamp === undefined ? undefined : decimal(b.timestamp),
  }),
});
