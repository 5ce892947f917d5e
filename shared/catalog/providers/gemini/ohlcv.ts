import { z } from 'zod';
import { defineCapability } from '../../define';
import type { Interval } from '../../../model';
import { lowerConcatPair, oldestFirst } from '../../pairs-exchanges';

/** Gemini time frames: 1m 5m 15m 30m 1hr 6hr 1day; no 4h, no 1w. */
const FRAME: Partial<Record<Interval, string>> = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1hr', '1d': '1day' };

// [time ms, open, high, low, close, volume], NEWEST FIRST.
const Row = z.tuple([z.number().int(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval }) => {
    const frame = FRAME[interval];
    if (frame === undefined) return `Gemini has no ${interval} candles`;
    return { path: `/v2/candles/${lowerConcatPair(`${symbol}/${vs}`)}/${frame}` };
  },
  response: z.array(Row),
  transform: (rows, { limit }) => oldestFirst(rows.slice(0, limit).map(([t, o, h, l, c, v]) => ({ t, o, h, l, c, v }))),
});
