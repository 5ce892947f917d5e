import { z } from 'zod';
import { defineCapability } from '../../define';
import { bitfinexPair } from '../../pairs-exchanges';

// [ID, MTS, AMOUNT, PRICE]; a negative amount was a taker sell.
const Row = z.tuple([z.number().int(), z.number().int(), z.number(), z.number()]);

export const trades = defineCapability('trades', {
  // Newest first by default (sort=-1).
  request: ({ pair, limit }) => ({ path: `/trades/${bitfinexPair(pair)}/hist`, query: { limit } }),
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows.slice(0, limit).map(([id, t, amount, price]) => ({
      id: String(id),
      t,
      price,
      amount: Math.abs(amount),
      side: amount < 0 ? ('sell' as const) : ('buy' as const),
    })),
});
