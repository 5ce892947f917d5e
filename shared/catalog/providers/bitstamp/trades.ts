import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';

// type: "0" a taker buy, "1" a taker sell; date in seconds.
const Row = z.object({ date: z.string(), tid: z.union([z.string(), z.number()]), price: z.string(), amount: z.string(), type: z.enum(['0', '1']) });

export const trades = defineCapability('trades', {
  // The last hour of trades, newest first; the endpoint takes no count.
  request: ({ pair }) => ({ path: `/transactions/${lowerConcatPair(pair)}/`, query: { time: 'hour' } }),
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows.slice(0, limit).map((r) => ({
      id: String(r.tid),
      t: Number(r.date) * 1000,
      price: Number(r.price),
      amount: Number(r.amount),
      side: r.type === '0' ? ('buy' as const) : ('sell' as const),
    })),
});
