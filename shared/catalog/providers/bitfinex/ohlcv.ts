import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { bitfinexPair, oldestFirst } from '../../pairs-exchanges';

/** Bitfinex time frames; it has 3h and 6h but no 4h. */
const FRAME: Partial<Record<Interval, string>> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1h', '1d': '1D', '1w': '1W' };

// [MTS, OPEN, CLOSE, HIGH, LOW, VOLUME] — note the order, and NEWEST FIRST.
const Row = z.tuple([z.number().int(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => {
    const frame = FRAME[interval];
    if (frame === undefined) return `Bitfinex has no ${interval} candles`;
    return { path: `/candles/trade:${frame}:${bitfinexPair(`${symbol}/${vs}`)}/hist`, query: { limit } };
  },
  response: z.array(Row),
  transform: (rows, { limit }) => oldestFirst(rows.slice(0, limit).map(([t, o, c, h, l, v]) => ({ t, o, h, l, c, v }))),
});
