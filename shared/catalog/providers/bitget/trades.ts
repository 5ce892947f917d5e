import { z } from 'zod';
import { defineCapability } from '../../define';
import { concatPair } from '../../pairs';
import { envelope } from './envelope';

// side is the taker's; the docs show it lower-case in some examples and capitalised in others.
const Row = z.object({ tradeId: z.string(), price: z.string(), size: z.string(), side: z.string(), ts: z.string() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/api/v2/spot/market/fills', query: { symbol: concatPair(pair), limit: Math.min(limit, 500) } }),
  // Newest first.
  response: envelope(z.array(Row)),
  transform: ({ data }, { limit }) =>
    data.slice(0, limit).flatMap((r) => {
      const side = r.side.toLowerCase();
      return side === 'buy' || side === 'sell' ? [{ id: r.tradeId, t: Number(r.ts), price: Number(r.price), amount: Number(r.size), side }] : [];
    }),
});
