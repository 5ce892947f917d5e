import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { underscorePair } from '../../pairs';
import { positive } from '../../units';

const Row = z.object({
  currency_pair: z.string(),
  last: z.string(),
  lowest_ask: z.string(),
  highest_bid: z.string(),
  change_percentage: z.string(),
  base_volume: z.string(),
  quote_volume: z.string(),
  high_24h: z.string(),
  low_24h: z.string(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/spot/tickers', query: { currency_pair: underscorePair(pair) } }),
  // A list even for one pair; change_percentage is already in %; no time in the body.
  response: z.array(Row),
  transform: (rows, { pair }, ctx) => {
    const t = rows.find((r) => r.currency_pair === underscorePair(pair)) ?? unsupported(`Gate has no ticker for ${pair}`);
    return {
      pair,
      last: Number(t.last),
      bid: positive(t.highest_bid),
      ask: positive(t.lowest_ask),
      high24h: positive(t.high_24h),
      low24h: positive(t.low_24h),
      baseVolume24h: Number(t.base_volume),
      quoteVolume24h: Number(t.quote_volume),
      change24hPct: Number(t.change_percentage),
      ts: ctx.now,
    };
  },
});
