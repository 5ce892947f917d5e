import { defineCapability } from '../../define';
import { Envelope, isCanonicalSymbol, maybeNum } from './asset';

export const markets = defineCapability('markets', {
  request: ({ vs, limit }) => (vs === 'USD' ? { path: '/assets', query: { limit } } : `CoinCap quotes only USD, not ${vs}`),
  response: Envelope,
  // Items the canonical model cannot hold (odd symbol, no price, cap or volume) are skipped, not fatal.
  // The list also teaches the symbol map CoinCap's ids (`BTC` -> `bitcoin`) for price requests.
  transform: ({ data }, _params, ctx) =>
    data
      .filter((a) => isCanonicalSymbol(a.symbol) && a.priceUsd !== null && a.marketCapUsd !== null && a.volumeUsd24Hr !== null)
      .map((a) => (ctx.learn?.(a.symbol, a.id), a))
      .map((a) => ({
        rank: Number(a.rank),
        symbol: a.symbol,
        name: a.name,
        price: Number(a.priceUsd),
        marketCap: Number(a.marketCapUsd),
        volume24h: Number(a.volumeUsd24Hr),
        change24hPct: maybeNum(a.changePercent24Hr),
      })),
});
