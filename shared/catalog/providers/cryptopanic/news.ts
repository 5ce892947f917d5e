import { z } from 'zod';
import { defineCapability } from '../../define';
import { htmlToText } from '../../text';
import { tickers } from '../../tickers';

const Post = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  published_at: z.string(),
  slug: z.string().optional(),
  /** The CryptoPanic permalink; `original_url` (the publisher's) where the plan includes it. */
  url: z.string().optional(),
  original_url: z.string().optional(),
  domain: z.string().optional(),
  source: z.looseObject({ title: z.string().optional(), domain: z.string().optional() }).nullish(),
  description: z.string().nullish(),
  /** v1 names the coin tags `currencies`; the developer v2 API calls them `instruments`. */
  currencies: z.array(z.looseObject({ code: z.string() })).nullish(),
  instruments: z.array(z.looseObject({ code: z.string() })).nullish(),
});

const HTTP_URL = /^https?:\/\//;

export const news = defineCapability('news', {
  request: ({ symbols, limit }) => ({
    path: '/posts/',
    // `public=true` asks for the public feed rather than the key owner's personal one.
    query: { public: true, kind: 'news', currencies: symbols?.length ? symbols.join(',') : undefined, regions: 'en', size: limit },
  }),
  response: z.object({ results: z.array(Post) }),
  transform: ({ results }, { limit }) =>
    results.slice(0, limit).map((p) => {
      const link = [p.original_url, p.url].find((u) => u !== undefined && HTTP_URL.test(u));
      return {
        id: String(p.id),
        title: htmlToText(p.title),
        url: link ?? `https://cryptopanic.com/news/${p.id}/${p.slug ?? ''}`,
        source: p.source?.title ?? p.source?.domain ?? p.domain ?? 'CryptoPanic',
        publishedAt: Date.parse(p.published_at),
        summary: p.description ? htmlToText(p.description) || undefined : undefined,
        symbols: tickers([...(p.currencies ?? []), ...(p.instruments ?? [])].map((c) => c.code)),
      };
    }),
});
