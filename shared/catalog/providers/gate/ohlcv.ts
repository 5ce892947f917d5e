import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { underscorePair } from '../../pairs';
import { oldestFirst } from '../../pairs-exchanges';

const INTERVAL: Record<Interval, string> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1h', '4h': '4h', '1d': '1d', '1w': '7d' };

// [time s, QUOTE volume, CLOSE, HIGH, LOW, OPEN, base volume, window closed] all strings, oldest first.
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/spot/candlesticks',
    query: { currency_pair: underscorePair(`${symbol}/${vs}`), interval: INTERVAL[interval], limit: Math.min(limit, 1000) },
  }),
  response: z.array(Row),
  transform: (rows, { limit }) =>
    oldestFirst(
      rows.map(([t, , c, h, l, o, v]) => ({ t: Number(t) * 1000, o: Number(o), h: Number(h), l: Number(l), c: Number(c), v: Number(v) })),
    ).slice(-limit),
});
