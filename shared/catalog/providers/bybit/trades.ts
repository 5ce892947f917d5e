import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { envelope } from './envelope';

// side is the taker's, capitalised; time in ms as a string.
const Row = z.object({ execId: z.string(), price: z.string(), size: z.string(), side: z.enum(['Buy', 'Sell']), time: z.string() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/v5/market/recent-trade', query: { category: 'spot', symbol: concatPair(pair), limit: Math.min(limit, 60) } }),
  // Newest first.
  response: envelope(z.object({ list: z.array(Row) })),
  transform: ({ result }, { limit }) =>
    result.list.slice(0, limit).map((r) => ({
      id: r.execId,
      t: Number(r.time),
      price: Number(r.price),
      amount: Number(r.size),
      side: r.side === 'Buy' ? ('buy' as const) : ('sell' as const),
    })),
});
