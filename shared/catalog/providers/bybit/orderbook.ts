import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { level } from '../../pairs-exchanges';
import { envelope } from './envelope';

const Level = z.tuple([z.string(), z.string()]);

export const orderbook = defineCapability('orderbook', {
  // Spot books go to 200 levels a side.
  request: ({ pair, depth }) => ({ path: '/v5/market/orderbook', query: { category: 'spot', symbol: concatPair(pair), limit: Math.min(depth, 200) } }),
  // b: bids best first, a: asks best first, ts: the snapshot's time (ms).
  response: envelope(z.object({ s: z.string(), b: z.array(Level), a: z.array(Level), ts: z.number().int() })),
  transform: ({ result }, { pair, depth }) => ({
    pair,
    bids: result.b.slice(0, depth).map(level),
    asks: result.a.slice(0, depth).map(level),
    ts: result.ts,
  }),
});
