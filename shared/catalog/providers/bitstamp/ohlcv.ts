import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { lowerConcatPair } from '../../pairs-exchanges';

/** Step in seconds; Bitstamp's longest step is three days, so there is no 1w. */
const STEP: Partial<Record<Interval, number>> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '4h': 14400, '1d': 86400 };

const Candle = z.object({ timestamp: z.string(), open: z.string(), high: z.string(), low: z.string(), close: z.string(), volume: z.string() });

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval, limit }) => {
    const step = STEP[interval];
    if (step === undefined) return `Bitstamp has no ${interval} candles`;
    return { path: `/ohlc/${lowerConcatPair(`${symbol}/${vs}`)}/`, query: { step, limit } };
  },
  // Oldest first, every number a string.
  response: z.object({ data: z.object({ pair: z.string(), ohlc: z.array(Candle) }) }),
  transform: ({ data }, { limit }) =>
    data.ohlc.slice(-limit).map((k) => ({
      t: Number(k.timestamp) * 1000,
      o: Number(k.open),
      h: Number(k.high),
      l: Number(k.low),
      c: Number(k.close),
      v: Number(k.volume),
    })),
});
