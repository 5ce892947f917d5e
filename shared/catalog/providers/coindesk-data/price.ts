import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

// One entry per instrument (`BTC-USD`); VALUE_LAST_UPDATE_TS is unix seconds.
const Tick = z.object({
  VALUE: z.number(),
  VALUE_LAST_UPDATE_TS: z.number().int(),
  MOVING_24_HOUR_QUOTE_VOLUME: z.number().optional(),
  MOVING_24_HOUR_CHANGE_PERCENTAGE: z.number().optional(),
});

/** GET /index/cc/v1/latest/tick on the CADLI index (the min-api successor's reference price). */
export const price = defineCapability('price', {
  request: ({ symbols, vs }) => ({
    path: '/index/cc/v1/latest/tick',
    query: { market: 'cadli', instruments: symbols.map((s) => `${s}-${vs}`).join(','), apply_mapping: true },
  }),
  response: z.object({ Data: z.record(z.string(), Tick) }),
  transform: ({ Data }, { symbols, vs }) => {
    const quotes = symbols.flatMap((symbol) => {
      const t = Data[`${symbol}-${vs}`];
      if (!t || !(t.VALUE > 0)) return [];
      return [{ symbol, vs, price: t.VALUE, change24hPct: t.MOVING_24_HOUR_CHANGE_PERCENTAGE, volume24h: t.MOVING_24_HOUR_QUOTE_VOLUME, ts: t.VALUE_LAST_UPDATE_TS * 1000 }];
    });
    return quotes.length > 0 ? quotes : unsupported(`CoinDesk has no ${vs} index value for ${symbols.join(',')}`);
  },
});
