import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { underscorePair } from '../../pairs';
import { level } from '../../pairs-exchanges';
import { envelope } from './envelope';

// [price, quantity, number of orders]
const Level = z.tuple([z.string(), z.string()], z.string());

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/public/get-book', query: { instrument_name: underscorePair(pair), depth: Math.min(depth, 50) } }),
  response: envelope(z.object({ asks: z.array(Level), bids: z.array(Level), t: z.number().int() })),
  transform: ({ result }, { pair, depth }) => {
    const b = result.data[0] ?? unsupported(`Crypto.com has no book for ${pair}`);
    return { pair, bids: b.bids.slice(0, depth).map(level), asks: b.asks.slice(0, depth).map(level), ts: b.t };
  },
});
