import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { level } from '../../pairs-exchanges';
import { envelope } from './envelope';

const Level = z.tuple([z.string(), z.string()]);

export const orderbook = defineCapability('orderbook', {
  request: ({ pair, depth }) => ({ path: '/api/v2/spot/market/orderbook', query: { symbol: concatPair(pair), type: 'step0', limit: Math.min(depth, 150) } }),
  response: envelope(z.object({ asks: z.array(Level), bids: z.array(Level), ts: z.string() })),
  transform: ({ data }, { pair, depth }) => ({ pair, bids: data.bids.slice(0, depth).map(level), asks: data.asks.slice(0, depth).map(level), ts: Number(data.ts) }),
});
