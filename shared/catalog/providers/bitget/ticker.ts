import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { concatPair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

const Row = z.object({
  symbol: z.string(),
  high24h: z.string(),
  low24h: z.string(),
  lastPr: z.string(),
  bidPr: z.string(),
  askPr: z.string(),
  baseVolume: z.string(),
  quoteVolume: z.string(),
  change24h: z.string(),
  ts: z.string(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/api/v2/spot/market/tickers', query: { symbol: concatPair(pair) } }),
  // A list even for one symbol; change24h is a fraction.
  response: envelope(z.array(Row)),
  transform: ({ data }, { pair }) => {
    const t = data.find((r) => r.symbol === concatPair(pair)) ?? unsupported(`Bitget has no ticker for ${pair}`);
    return {
      pair,
      last: Number(t.lastPr),
      bid: positive(t.bidPr),
      ask: positive(t.askPr),
      high24h: positive(t.high24h),
      low24h: positive(t.low24h),
      baseVolume24h: Number(t.baseVolume),
      quoteVolume24h: Number(t.quoteVolume),
      change24hPct: Number(t.change24h) * 100,
      ts: Number(t.ts),
    };
  },
});
