import { defineCapability } from '../../define';
import { clip, decodeEntities, htmlToText } from '../../text';
import { Feed } from './parse';

export interface FeedConfig {
  /** Feed path under the provider's base URL, e.g. `/feed`. */
  readonly path: string;
  /** Shown as each item's `source`. */
  readonly source: string;
}

const HTTP_URL = /^https?:\/\/[^\s]+$/;
const SUMMARY_MAX = 500;

export const news = (cfg: FeedConfig) =>
  defineCapability('news', {
    format: 'text',
    // A feed is one fixed list with no coin tags: it cannot answer "news about BTC".
    request: ({ symbols }) =>
      symbols && symbols.length > 0
        ? `an RSS feed cannot filter by coin (${symbols.join(',')})`
        : { path: cfg.path, headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' } },
    response: Feed,
    // Entries without an http(s) link, a title or a readable date are skipped, not fatal.
    transform: (entries, { limit }) =>
      entries
        .flatMap((e) => {
          const url = decodeEntities(e.link.trim());
          const title = htmlToText(e.title);
          const publishedAt = Date.parse(e.date);
          if (!HTTP_URL.test(url) || !title || Number.isNaN(publishedAt)) return [];
          const summary = clip(htmlToText(e.summary), SUMMARY_MAX);
          return [{ id: decodeEntities(e.id.trim()) || url, title, url, source: cfg.source, publishedAt, summary: summary || undefined, symbols: [] }];
        })
        .slice(0, limit),
  });
