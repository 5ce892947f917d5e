import { z } from 'zod';
import { defineCapability } from '../../define';
import { clip, htmlToText } from '../../text';
import { tickers } from '../../tickers';

const Article = z.looseObject({
  id: z.union([z.string(), z.number()]),
  published_on: z.number().int(),
  title: z.string(),
  url: z.string(),
  source: z.string(),
  body: z.string().optional(),
  /** `|`-separated: coin tickers (BTC, ETH …) mixed with topics (Blockchain, Market, ICO …). */
  categories: z.string().optional(),
  source_info: z.looseObject({ name: z.string().optional() }).optional(),
});

/** Upper-case CryptoCompare categories that are topics, not coins. */
const TOPICS = new Set(['ICO', 'NFT', 'CBDC', 'ETF', 'AI', 'RWA', 'DAO', 'DEX', 'CEX', 'OTC', 'US', 'UK', 'EU', 'ASIA']);
const HTTP_URL = /^https?:\/\//;

export const news = defineCapability('news', {
  request: ({ symbols }) => ({
    path: '/data/v2/news/',
    query: { lang: 'EN', categories: symbols?.length ? symbols.join(',') : undefined },
  }),
  // Errors come at HTTP 200 as {Response: "Error", Message, Type}: see the provider's classify.
  response: z.object({ Type: z.number(), Data: z.array(Article) }),
  transform: ({ Data }, { limit }) =>
    Data.filter((a) => HTTP_URL.test(a.url))
      .slice(0, limit)
      .map((a) => {
        const summary = clip(htmlToText(a.body ?? ''), 500);
        return {
          id: String(a.id),
          title: htmlToText(a.title),
          url: a.url,
          source: a.source_info?.name ?? a.source,
          publishedAt: a.published_on * 1000,
          summary: summary || undefined,
          // Categories are mixed-case topics or upper-case tickers: only the latter are coins.
          symbols: tickers((a.categories ?? '').split('|').filter((c) => c === c.toUpperCase()), TOPICS),
        };
      }),
});
