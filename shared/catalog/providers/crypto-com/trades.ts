import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';
import { newestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

// d trade id, s taker side, p price, q quantity, t ms. The docs write BUY/SELL; the live API answers
// lowercase (ccxt's recording), and oldest first in that recording: accept both and sort.
const Row = z.object({ d: z.string(), s: z.enum(['BUY', 'SELL', 'buy', 'sell']), p: z.string(), q: z.string(), t: z.number().int() });

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/public/get-trades', query: { instrument_name: underscorePair(pair), count: Math.min(limit, 150) } }),
  response: envelope(Row),
  transform: ({ result }, { limit }) =>
    newestFirst(
      result.data.map((r) => ({
        id: r.d,
        t: r.t,
        price: Number(r.p),
        amount: Number(r.q),
        side: r.s.toLowerCase() === 'buy' ? ('buy' as const) : ('sell' as const),
      })),
    ).slice(0, limit),
});
