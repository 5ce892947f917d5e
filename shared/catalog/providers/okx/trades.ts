import { z } from 'zod';
import { defineCapability } from '../../define';
import { dashPair } from '../../pairs';
import { envelope } from './envelope';

// side is the taker's; ts in ms as a string.
const Row = z.object({ tradeId: z.string(), px: z.string(), sz: z.string(), side: z.enum(['buy', 'sell']), ts: z.string() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/api/v5/market/trades', query: { instId: dashPair(pair), limit: Math.min(limit, 500) } }),
  // Newest first.
  response: envelope(Row),
  transform: ({ data }, { limit }) =>
    data.slice(0, limit).map((r) => ({ id: r.tradeId, t: Number(r.ts), price: Number(r.px), amount: Number(r.sz), side: r.side })),
});
