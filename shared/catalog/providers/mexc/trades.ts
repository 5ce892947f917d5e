import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { decimal, newestFirst } from '../../pairs-exchanges';

const numeric = z.union([z.string(), z.number()]);
// Aggregate trades: p price, q quantity, T time ms, m buyer was maker (a taker sell). `a` (the id) is null.
const Row = z.object({ a: numeric.nullable(), p: z.string(), q: z.string(), T: numeric, m: z.boolean() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/api/v3/aggTrades', query: { symbol: concatPair(pair), limit: Math.min(limit, 1000) } }),
  response: z.array(Row),
  // With no id upstream, time + price + quantity + side identify a trade (as ccxt does).
  transform: (rows, { limit }) =>
    newestFirst(
      rows.map((r) => {
        const side = r.m ? ('sell' as const) : ('buy' as const);
        return { id: r.a === null ? `${r.T}-${r.p}-${r.q}-${side}` : String(r.a), t: decimal(r.T), price: Number(r.p), amount: Number(r.q), side };
      }),
    ).slice(0, limit),
});
