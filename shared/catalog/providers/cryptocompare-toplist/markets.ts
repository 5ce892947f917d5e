import { z } from 'zod';
import { CoinSymbol } from '../../../model';
import { defineCapability } from '../../define';

const Raw = z.object({ PRICE: z.number(), MKTCAP: z.number(), TOTALVOLUME24HTO: z.number(), CHANGEPCT24HOUR: z.number().optional() });
// Coins the index has no price for come without RAW/DISPLAY: skipped, not fatal.
const Item = z.object({
  CoinInfo: z.object({ Name: z.string(), FullName: z.string(), ImageUrl: z.string().optional() }),
  RAW: z.record(z.string(), Raw).optional(),
});

/** The API pages the toplist in at most 100 coins (and at least 10). */
const PAGE_MAX = 100;

/** /data/top/mktcapfull: coins by market cap with CCCAGG index prices; list order is the rank. */
export const markets = defineCapability('markets', {
  request: ({ vs, limit }) => ({ path: '/data/top/mktcapfull', query: { tsym: vs, limit: Math.max(10, Math.min(limit, PAGE_MAX)) } }),
  response: z.object({ Data: z.array(Item) }),
  transform: ({ Data }, { vs, limit }) =>
    Data.flatMap((item, i) => {
      const raw = item.RAW?.[vs];
      if (!raw || raw.PRICE <= 0 || !CoinSymbol.safeParse(item.CoinInfo.Name).success) return [];
      const image = item.CoinInfo.ImageUrl ? `https://www.cryptocompare.com${item.CoinInfo.ImageUrl}` : undefined;
      return [{
        rank: i + 1,
        symbol: item.CoinInfo.Name,
        name: item.CoinInfo.FullName || item.CoinInfo.Name,
        price: raw.PRICE,
        marketCap: Math.max(0, raw.MKTCAP),
        volume24h: Math.max(0, raw.TOTALVOLUME24HTO),
        change24hPct: raw.CHANGEPCT24HOUR,
        image,
      }];
    }).slice(0, limit),
});
