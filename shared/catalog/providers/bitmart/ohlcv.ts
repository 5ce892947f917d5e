import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { underscorePair } from '../../pairs';
import { envelope } from './envelope';

/** Step in minutes. */
const STEP: Record<Interval, number> = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '4h': 240, '1d': 1440, '1w': 10080 };

// [time s, open, high, low, close, volume, quote volume], oldest first.
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/spot/quotation/v3/lite-klines',
    query: { symbol: underscorePair(`${symbol}/${vs}`), step: STEP[interval], limit: Math.min(limit, 200) },
  }),
  response: envelope(z.array(Row)),
  transform: ({ data }, { limit }) =>
    data.slice(-limit).map(([t, o, h, l, c, v]) => ({ t: Number(t) * 1000, o: Number(o), h: Number(h), l: Number(l), c: Number(c), v: Number(v) })),
});
