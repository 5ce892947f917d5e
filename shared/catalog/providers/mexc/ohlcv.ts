import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { concatPair } from '../../pairs';

/** MEXC names the hour `60m` and the week `1W`. */
const NAME: Record<Interval, string> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '60m', '4h': '4h', '1d': '1d', '1w': '1W' };

// [openTime, open, high, low, close, volume, closeTime, quoteVolume], oldest first.
const Row = z.tuple([z.number().int(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/api/v3/klines',
    query: { symbol: concatPair(`${symbol}/${vs}`), interval: NAME[interval], limit },
  }),
  response: z.array(Row),
  transform: (rows, { limit }) =>
    rows.slice(-limit).map(([t, o, h, l, c, v]) => ({ t, o: Number(o), h: Number(h), l: Number(l), c: Number(c), v: Number(v) })),
});
