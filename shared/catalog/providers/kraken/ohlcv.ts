import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import type { Interval } from '../../../model';
import { krakenEntry, krakenPair } from '../../pairs';
import { envelope } from './envelope';

const MINUTES: Record<Interval, number> = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '4h': 240, '1d': 1440, '1w': 10080 };

// [time s, open, high, low, close, vwap, volume, count]
const Row = z.tuple([z.number().int(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval }) => ({
    path: '/OHLC',
    query: { pair: krakenPair(`${symbol}/${vs}`), interval: MINUTES[interval] },
  }),
  // Up to 720 rows oldest first, beside a `last` cursor (a string in older answers, a number now).
  response: envelope(z.array(Row)),
  transform: ({ result }, { symbol, vs, limit }) => {
    const rows = krakenEntry(result, `${symbol}/${vs}`);
    if (!Array.isArray(rows)) return unsupported(`Kraken has no candles for ${symbol}/${vs}`);
    return rows.slice(-limit).map(([t, o, h, l, c, , v]) => ({
      t: t * 1000,
      o: Number(o),
      h: Number(h),
      l: Number(l),
      c: Number(c),
      v: Number(v),
    }));
  },
});
