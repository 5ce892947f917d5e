import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';
import { envelope } from './envelope';

// Trades come grouped by the match that produced them; direction is the taker's side.
const Fill = z.object({ 'trade-id': z.number().int(), ts: z.number().int(), amount: z.number(), price: z.number(), direction: z.enum(['buy', 'sell']) });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/market/history/trade', query: { symbol: lowerConcatPair(pair), size: Math.min(limit, 2000) } }),
  // Newest group first, each group's fills newest first.
  response: envelope({ data: z.array(z.object({ data: z.array(Fill) })) }),
  transform: ({ data }, { limit }) =>
    data
      .flatMap((g) => g.data)
      .slice(0, limit)
      .map((f) => ({ id: String(f['trade-id']), t: f.ts, price: f.price, amount: f.amount, side: f.direction })),
});
