import { defineCapability, unsupported } from '../../define';
import { Envelope, maybeNum } from './asset';

export const price = defineCapability('price', {
  request: ({ symbols, vs }, ctx) => {
    if (vs !== 'USD') return `CoinCap quotes only USD, not ${vs}`;
    const ids = symbols.map((s) => ctx.symbolId(s)).filter((id): id is string => id !== undefined);
    if (ids.length === 0) return `no CoinCap id for ${symbols.join(',')}`;
    return { path: '/assets', query: { ids: ids.join(',') } };
  },
  response: Envelope,
  transform: ({ data, timestamp }, { symbols, vs }, ctx) => {
    const byId = new Map(data.map((a) => [a.id, a]));
    const quotes = symbols.flatMap((symbol) => {
      const id = ctx.symbolId(symbol);
      const a = id === undefined ? undefined : byId.get(id);
      if (!a || a.priceUsd === null) return [];
      return [
        {
          symbol,
          vs,
          price: Number(a.priceUsd),
          change24hPct: maybeNum(a.changePercent24Hr),
          volume24h: maybeNum(a.volumeUsd24Hr),
          marketCap: maybeNum(a.marketCapUsd),
          ts: timestamp,
        },
      ];
    });
    return quotes.length > 0 ? quotes : unsupported(`CoinCap has no price for ${symbols.join(',')}`);
  },
});
