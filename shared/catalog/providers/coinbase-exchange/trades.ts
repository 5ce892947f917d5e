import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';

const Row = z.object({
  trade_id: z.union([z.string(), z.number()]),
  side: z.enum(['buy', 'sell']),
  size: z.string(),
  price: z.string(),
  time: z.iso.datetime({ offset: true }),
});

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: `/products/${dashPair(pair)}/trades`, query: { limit: Math.min(limit, 1000) } }),
  response: z.array(Row),
  // Newest first already. `side` is the MAKER's side, so the taker (the canonical side) is opposite.
  transform: (rows, { limit }) =>
    rows.slice(0, limit).map((r) => ({
      id: String(r.trade_id),
      t: Date.parse(r.time),
      price: Number(r.price),
      amount: Number(r.size),
      side: r.side === 'sell' ? ('buy' as const) : ('sell' as const),
    })),
});
