import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';
import { newestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

const Row = z.object({
  sequence: z.string(),
  price: z.string(),
  size: z.string(),
  side: z.enum(['buy', 'sell']),
  // Nanoseconds: beyond 2^53, so the parsed number is rounded, but milliseconds survive.
  time: z.number(),
});

export const trades = defineCapability('trades', {
  // The last 100 trades; no limit parameter.
  request: ({ pair }) => ({ path: '/api/v1/market/histories', query: { symbol: dashPair(pair) } }),
  response: envelope(z.array(Row)),
  // `side` is the taker's side; trades carry no id, the sequence number identifies them.
  transform: ({ data }, { limit }) =>
    newestFirst(
      data.map((r) => ({
        id: r.sequence,
        t: Math.floor(r.time / 1e6),
        price: Number(r.price),
        amount: Number(r.size),
        side: r.side,
      })),
    ).slice(0, limit),
});
