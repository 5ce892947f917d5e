import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { dashPair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

// Markets with no trades in 24 h answer nulls.
const str = z.string().nullable();
const Stats = z.object({
  time: z.number().int(),
  symbol: z.string(),
  buy: str,
  sell: str,
  changeRate: str,
  high: str,
  low: str,
  vol: str,
  volValue: str,
  last: str,
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/api/v1/market/stats', query: { symbol: dashPair(pair) } }),
  // `buy`/`sell` are the best bid/ask; `changeRate` is a fraction of one.
  response: envelope(Stats),
  transform: ({ data: s }, { pair }) => ({
    pair,
    last: positive(s.last ?? undefined) ?? unsupported(`KuCoin has no last price for ${pair}`),
    bid: positive(s.buy ?? undefined),
    ask: positive(s.sell ?? undefined),
    high24h: positive(s.high ?? undefined),
    low24h: positive(s.low ?? undefined),
    baseVolume24h: s.vol === null ? undefined : Number(s.vol),
    quoteVolume24h: s.volValue === null ? undefined : Number(s.volValue),
    change24hPct: s.changeRate === null ? undefined : Number(s.changeRate) * 100,
    ts: s.time,
  }),
});
