import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { dashPair } from '../../pairs';
import { oldestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

const TYPE: Record<Interval, string> = { '1m': '1min', '5m': '5min', '15m': '15min', '1h': '1hour', '4h': '4hour', '1d': '1day', '1w': '1week' };

// [time s, open, CLOSE, HIGH, LOW, volume, turnover] — note the order, and NEWEST FIRST.
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval }) => ({
    path: '/api/v1/market/candles',
    query: { symbol: dashPair(`${symbol}/${vs}`), type: TYPE[interval] },
  }),
  response: envelope(z.array(Row)),
  transform: ({ data }, { limit }) =>
    oldestFirst(
      data.slice(0, limit).map(([t, o, c, h, l, v]) => ({
        t: Number(t) * 1000,
        o: Number(o),
        h: Number(h),
        l: Number(l),
        c: Number(c),
        v: Number(v),
      })),
    ),
});
