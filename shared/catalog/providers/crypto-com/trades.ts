import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';
import { envelope } from './envelope';

// d trade id, s taker side (BUY/SELL), p price, q quantity, t ms.
const Row = z.object({ d: z.string(), s: z.enum(['BUY', 'SELL']), p: z.string(), q: z.string(), t: z.number().int() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/public/get-trades', query: { instrument_name: underscorePair(pair), count: Math.min(limit, 150) } }),
  // Newest first.
  response: envelope(Row),
  transform: ({ result }, { limit }) =>
    result.data.slice(0, limit).map((r) => ({
      id: r.d,
      t: r.t,
      price: Number(r.p),
      amount: Number(r.q),
      side: r.s === 'BUY' ? ('buy' as const) : ('sell' as const),
    })),
});
