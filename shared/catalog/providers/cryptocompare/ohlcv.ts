import { z } from 'zod';
import type { Interval } from '../../../model';
import { defineCapability } from '../../define';

const Row = z.object({
  time: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volumefrom: z.number(),
});

/** Each canonical interval as a CryptoCompare endpoint plus aggregation factor. */
const ENDPOINT: Record<Interval, readonly [path: string, aggregate: number]> = {
  '1m': ['histominute', 1],
  '5m': ['histominute', 5],
  '15m': ['histominute', 15],
  '1h': ['histohour', 1],
  '4h': ['histohour', 4],
  '1d': ['histoday', 1],
  '1w': ['histoday', 7],
};

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => {
    const [path, aggregate] = ENDPOINT[interval];
    return { path: `/data/${path}`, query: { fsym: symbol, tsym: vs, limit, aggregate } };
  },
  // v1 (/data/histo*) puts rows under Data; v2 (/data/v2/histo*) under Data.Data.
  response: z.object({ Data: z.union([z.array(Row), z.object({ Data: z.array(Row) })]) }),
  transform: ({ Data }, { limit }) =>
    (Array.isArray(Data) ? Data : Data.Data)
      // Rows before a coin traded are all zeros: not candles.
      .filter((r) => r.open > 0 && r.high > 0 && r.low > 0 && r.close > 0)
      .map((r) => ({ t: r.time * 1000, o: r.open, h: r.high, l: r.low, c: r.close, v: r.volumefrom }))
      .sort((a, b) => a.t - b.t)
      // It sends limit + 1 rows; keep the newest `limit`.
      .slice(-limit),
});
