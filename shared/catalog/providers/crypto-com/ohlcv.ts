import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { underscorePair } from '../../pairs';
import { oldestFirst } from '../../pairs-exchanges';
import { envelope } from './envelope';

const TIMEFRAME: Record<Interval, string> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1h', '4h': '4h', '1d': '1D', '1w': '7D' };

// {o, h, l, c, v} strings, t open time in ms.
const Row = z.object({ o: z.string(), h: z.string(), l: z.string(), c: z.string(), v: z.string(), t: z.number().int() });

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/public/get-candlestick',
    query: { instrument_name: underscorePair(`${symbol}/${vs}`), timeframe: TIMEFRAME[interval], count: Math.min(limit, 300) },
  }),
  response: envelope(Row),
  transform: ({ result }, { limit }) =>
    oldestFirst(result.data.map((r) => ({ t: r.t, o: Number(r.o), h: Number(r.h), l: Number(r.l), c: Number(r.c), v: Number(r.v) }))).slice(-limit),
});
