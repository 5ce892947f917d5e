import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { dashPair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

const Row = z.object({
  instId: z.string(),
  last: z.string(),
  askPx: z.string(),
  bidPx: z.string(),
  open24h: z.string(),
  high24h: z.string(),
  low24h: z.string(),
  vol24h: z.string(),
  volCcy24h: z.string(),
  ts: z.string(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/api/v5/market/ticker', query: { instId: dashPair(pair) } }),
  // For spot, vol24h is in the base currency and volCcy24h in the quote. Empty strings mean "none".
  response: envelope(Row),
  transform: ({ data }, { pair }) => {
    const t = data[0] ?? unsupported(`OKX has no ticker for ${pair}`);
    const open = positive(t.open24h);
    return {
      pair,
      last: Number(t.last),
      bid: positive(t.bidPx),
      ask: positive(t.askPx),
      high24h: positive(t.high24h),
      low24h: positive(t.low24h),
      baseVolume24h: Number(t.vol24h),
      quoteVolume24h: Number(t.volCcy24h),
      change24hPct: open === undefined ? undefined : (Number(t.last) / open - 1) * 100,
      ts: Number(t.ts),
    };
  },
});
