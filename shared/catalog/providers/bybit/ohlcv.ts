import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { concatPair } from '../../pairs';
import { oldestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

const NAME: Record<Interval, string> = { '1m': '1', '5m': '5', '15m': '15', '1h': '60', '4h': '240', '1d': 'D', '1w': 'W' };

// [start ms, open, high, low, close, volume, turnover] as strings, NEWEST FIRST.
const Row = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/v5/market/kline',
    query: { category: 'spot', symbol: concatPair(`${symbol}/${vs}`), interval: NAME[interval], limit },
  }),
  response: envelope(z.object({ list: z.array(Row) })),
  transform: ({ result }, { limit }) =>
    oldestFirst(
      result.list.slice(0, limit).map(([t, o, h, l, c, v]) => ({ t: Number(t), o: Number(o), h: Number(h), l: Number(l), c: Number(c), v: Number(v) })),
    ),
});
