import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';

const Row = z.object({
  id: z.number().int(),
  price: z.string(),
  qty: z.string(),
  time: z.number().int(),
  isBuyerMaker: z.boolean(),
});

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/api/v3/trades', query: { symbol: concatPair(pair), limit }, weight: 25 }),
  response: z.array(Row),
  // Oldest first upstream; canonical trades are newest first. A buyer-maker trade was a taker sell.
  transform: (rows, { limit }) =>
    rows
      .slice(-limit)
      .reverse()
      .map((r) => ({
        id: String(r.id),
        t: r.time,
        price: Number(r.price),
        amount: Number(r.qty),
        side: r.isBuyerMaker ? ('sell' as const) : ('buy' as const),
      })),
});
