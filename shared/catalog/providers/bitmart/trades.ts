import { z } from 'zod';
import { defineCapability } from '../../define';
import { underscorePair } from '../../pairs';
import { newestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

// [symbol, time ms, price, size, taker side]
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.enum(['buy', 'sell'])]);

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/spot/quotation/v3/trades', query: { symbol: underscorePair(pair), limit: Math.min(limit, 50) } }),
  response: envelope(z.array(Row)),
  // No trade id upstream: time + price + size + side identify a trade.
  transform: ({ data }, { limit }) =>
    newestFirst(
      data.map(([, t, price, size, side]) => ({ id: `${t}-${price}-${size}-${side}`, t: Number(t), price: Number(price), amount: Number(size), side })),
    ).slice(0, limit),
});
