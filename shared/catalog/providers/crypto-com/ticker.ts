import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { underscorePair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';

// i instrument, a last, b bid, k ask, h/l 24 h high/low, v base volume, vv USD value, c change (fraction), t ms.
const str = z.string().nullable();
const Row = z.object({ i: z.string(), a: z.string(), b: str, k: str, h: str, l: str, v: z.string(), c: z.string(), t: z.number().int() });

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/public/get-tickers', query: { instrument_name: underscorePair(pair) } }),
  response: envelope(Row),
  transform: ({ result }, { pair }) => {
    const t = result.data.find((r) => r.i === underscorePair(pair)) ?? unsupported(`Crypto.com has no ticker for ${pair}`);
    return {
      pair,
      last: Number(t.a),
      bid: positive(t.b ?? undefined),
      ask: positive(t.k ?? undefined),
      high24h: positive(t.h ?? undefined),
      low24h: positive(t.l ?? undefined),
      baseVolume24h: Number(t.v),
      change24hPct: Number(t.c) * 100,
      ts: t.t,
    };
  },
});
