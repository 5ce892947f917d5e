import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';

const Raw = z.object({
  PRICE: z.number(),
  LASTUPDATE: z.number().int(),
  CHANGEPCT24HOUR: z.number().optional(),
  // 24h volume in the quote currency (VOLUME24HOUR is in the base coin).
  VOLUME24HOURTO: z.number().optional(),
  MKTCAP: z.number().optional(),
});

// CryptoCompare keys coins by their tickers, so no symbol map is needed.
export const price = defineCapability('price', {
  request: ({ symbols, vs }) => ({ path: '/data/pricemultifull', query: { fsyms: symbols.join(','), tsyms: vs } }),
  // RAW holds numbers; DISPLAY (formatted strings with currency signs) is ignored.
  response: z.object({ RAW: z.record(z.string(), z.record(z.string(), Raw)) }),
  transform: ({ RAW }, { symbols, vs }) => {
    const quotes = symbols.flatMap((symbol) => {
      const r = RAW[symbol]?.[vs];
      if (!r) return [];
      return [
        {
          symbol,
          vs,
          price: r.PRICE,
          change24hPct: r.CHANGEPCT24HOUR,
          volume24h: r.VOLUME24HOURTO,
          marketCap: r.MKTCAP,
          ts: r.LASTUPDATE * 1000,
        },
      ];
    });
    return quotes.length > 0 ? quotes : unsupported(`CryptoCompare has no ${vs} price for ${symbols.join(',')}`);
  },
});
