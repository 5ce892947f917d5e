import { z } from 'zod';
import { defineCapability } from '../../define';
import { usdViaUsdt } from '../../pairs';

// [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore]
const Kline = z.tuple([z.number().int(), z.string(), z.string(), z.string(), z.string(), z.string()], z.unknown());

export const ohlcv = defineCapability('ohlcv', {
  // Binance names every canonical interval the same way (1m … 1w); oldest first.
  request: ({ symbol, vs, interval, limit }) => ({
    path: '/api/v3/klines',
    query: { symbol: `${symbol}${usdViaUsdt(vs)}`, interval, limit },
    weight: 2,
  }),
  response: z.array(Kline),
  transform: (rows) =>
    rows.map(([t, o, h, l, c, v]) => ({ t, o: Number(o), h: Number(h), l: Number(l), c: Number(c), v: Number(v) })),
});
