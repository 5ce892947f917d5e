import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { concatPair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

const Row = z.object({
  symbol: z.string(),
  bid1Price: z.string(),
  ask1Price: z.string(),
  lastPrice: z.string(),
  price24hPcnt: z.string(),
  highPrice24h: z.string(),
  lowPrice24h: z.string(),
  turnover24h: z.string(),
  volume24h: z.string(),
});

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/v5/market/tickers', query: { category: 'spot', symbol: concatPair(pair) } }),
  // Strings throughout; `price24hPcnt` is a fraction; the envelope's `time` is the server's.
  response: envelope(z.object({ category: z.string(), list: z.array(Row) })),
  transform: ({ result, time }, { pair }) => {
    const t = result.list.find((r) => r.symbol === concatPair(pair)) ?? unsupported(`Bybit has no spot ticker for ${pair}`);
    return {
      pair,
      last: Number(t.lastPrice),
      bid: positive(t.bid1Price),
      ask: positive(t.ask1Price),
      high24h: positive(t.highPrice24h),
      low24h: positive(t.lowPrice24h),
      baseVolume24h: Number(t.volume24h),
      quoteVolume24h: Number(t.turnover24h),
      change24hPct: Number(t.price24hPcnt) * 100,
      ts: time,
    };
  },
});
