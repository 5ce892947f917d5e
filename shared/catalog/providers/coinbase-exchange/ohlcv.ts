import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { dashPair } from '../../pairs';

/** The only granularities the API accepts (seconds); 4h and 1w have none. */
const GRANULARITY: Partial<Record<Interval, number>> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '1d': 86400 };

// [time s, low, high, open, close, volume] — note the order, and NEWEST FIRST.
const Row = z.tuple([z.number().int(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval }) => {
    const granularity = GRANULARITY[interval];
    if (granularity === undefined) return `Coinbase Exchange has no ${interval} candles`;
    // Without start/end the API answers its latest 300 candles.
    return { path: `/products/${dashPair(`${symbol}/${vs}`)}/candles`, query: { granularity } };
  },
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows
      .slice(0, limit)
      .reverse()
      .map(([t, l, h, o, c, v]) => ({ t: t * 1000, o, h, l, c, v })),
});
