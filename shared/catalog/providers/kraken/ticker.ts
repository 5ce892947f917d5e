import { defineCapability, unsupported } from '../../define';
import { krakenEntry, krakenPair } from '../../pairs';
import { positive } from '../../units';
import { envelope } from './envelope';
import { TickerEntry } from './price';

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: '/Ticker', query: { pair: krakenPair(pair) } }),
  response: envelope(TickerEntry),
  // The second element of v/p/h/l is the rolling 24 h window; the body carries no time.
  transform: ({ result }, { pair }, ctx) => {
    const e = krakenEntry(result, pair);
    if (e === undefined || typeof e !== 'object') return unsupported(`Kraken has no ticker for ${pair}`);
    return {
      pair,
      last: Number(e.c[0]),
      bid: positive(e.b[0]),
      ask: positive(e.a[0]),
      high24h: positive(e.h[1]),
      low24h: positive(e.l[1]),
      baseVolume24h: Number(e.v[1]),
      quoteVolume24h: Number(e.v[1]) * Number(e.p[1]),
      ts: ctx.now,
    };
  },
});
