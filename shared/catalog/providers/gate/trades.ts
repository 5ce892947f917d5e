import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';

// side is the taker's; create_time_ms is a decimal string of milliseconds ("1710327600123.456").
const Row = z.object({ id: z.string(), create_time_ms: z.string(), side: z.enum(['buy', 'sell']), amount: z.string(), price: z.string() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/spot/trades', query: { currency_pair: underscorePair(pair), limit: Math.min(limit, 1000) } }),
  // Newest first.
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows.slice(0, limit).map((r) => ({ id: r.id, t: Math.floor(Number(r.create_time_ms)), price: Number(r.price), amount: Number(r.amount), side: r.side })),
});
