import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { dashPair } from '../../pairs';
import { level } from '../../pairs-exchanges';
import { envelope } from './envelope';

// [price, size, deprecated "0", number of orders]
const Level = z.tuple([z.string(), z.string()], z.string());

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/api/v5/market/books', query: { instId: dashPair(pair), sz: Math.min(depth, 400) } }),
  response: envelope(z.object({ asks: z.array(Level), bids: z.array(Level), ts: z.string() })),
  transform: ({ data }, { pair, depth }) => {
    const b = data[0] ?? unsupported(`OKX has no book for ${pair}`);
    return { pair, bids: b.bids.slice(0, depth).map(level), asks: b.asks.slice(0, depth).map(level), ts: Number(b.ts) };
  },
});
