import { z } from 'zod';
import { defineCapability } from '../../define';
import { lowerConcatPair } from '../../pairs-exchanges';

const numeric = z.union([z.string(), z.number()]);
// `type` is the taker's side; auction fills say `auction` and are skipped.
const Row = z.object({ timestampms: numeric, tid: numeric, price: z.string(), amount: z.string(), type: z.string() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: `/v1/trades/${lowerConcatPair(pair)}`, query: { limit_trades: Math.min(limit, 500) } }),
  // Newest first.
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows.slice(0, limit).flatMap((r) =>
      r.type === 'buy' || r.type === 'sell'
        ? [{ id: String(r.tid), t: Number(r.timestampms), price: Number(r.price), amount: Number(r.amount), side: r.type }]
        : [],
    ),
});
