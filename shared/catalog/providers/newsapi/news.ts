import { z } from 'zod';
import { defineCapability } from '../../define';
import { htmlToText } from '../../text';

const Article = z.looseObject({
  source: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }),
  title: z.string().nullish(),
  description: z.string().nullish(),
  url: z.string(),
  publishedAt: z.string(),
});

/** Search words for the coins NewsAPI users most ask about; other tickers are searched as written. */
const NAMES: Readonly<Record<string, string>> = { BTC: 'bitcoin', ETH: 'ethereum', SOL: 'solana', XRP: 'XRP', BNB: 'BNB', DOGE: 'dogecoin', ADA: 'cardano' };
const HTTP_URL = /^https?:\/\//;

export const news = defineCapability('news', {
  request: ({ symbols, limit }) => ({
    path: '/everything',
    query: {
      q: symbols?.length ? symbols.map((s) => NAMES[s] ?? s).join(' OR ') : 'crypto OR cryptocurrency OR bitcoin',
      language: 'en',
      sortBy: 'publishedAt',
      pageSize: limit,
    },
  }),
  response: z.object({ status: z.literal('ok'), articles: z.array(Article) }),
  // Articles pulled by their publisher come back as "[Removed]" with a removed.com URL: skipped.
  // Articles carry no coin tags, so symbols stay empty.
  transform: ({ articles }, { limit }) =>
    articles
      .flatMap((a) => {
        const title = htmlToText(a.title ?? '');
        if (!title || title === '[Removed]' || !HTTP_URL.test(a.url)) return [];
        const summary = htmlToText(a.description ?? '');
        return [{ id: a.url, title, url: a.url, source: a.source.name ?? a.source.id ?? 'NewsAPI', publishedAt: Date.parse(a.publishedAt), summary: summary || undefined, symbols: [] }];
      })
      .slice(0, limit),
});
