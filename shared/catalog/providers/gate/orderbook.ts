import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';
import { level } from '../../pairs-exchanges';

const Level = z.tuple([z.string(), z.string()]);

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/spot/order_book', query: { currency_pair: underscorePair(pair), limit: Math.min(depth, 100) } }),
  // `current` is the snapshot's time in ms.
  response: z.object({ current: z.number().int(), asks: z.array(Level), bids: z.array(Level) }),
  transform: (b, { pair, depth }) => ({ pair, bids: b.bids.slice(0, depth).map(level), asks: b.asks.slice(0, depth).map(level), ts: b.current }),
});
