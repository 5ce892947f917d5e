import type { LimitSpec, Tier } from '../../../engine/adapter';
import { defineProvider, type Provider } from '../../define';
import { news } from './news';

export interface RssFeedOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  /** The site's origin, no trailing slash: `https://decrypt.co`. */
  readonly baseUrl: string;
  /** The feed's path: `/feed`. */
  readonly path: string;
  /** Where the feed is published or documented. */
  readonly docs: string;
  /** Feeds publish no limits; they are cached for minutes, so polling faster gains nothing. */
  readonly limits?: LimitSpec;
  /** Most publishers send no CORS headers on their feeds: browsers go through the relay. */
  readonly cors?: boolean;
  readonly tier?: Tier;
  readonly weight?: number;
  /** True only when a real capture of this feed parses. */
  readonly verified?: boolean;
}

/** A keyless RSS/Atom news feed: one `news` capability, plain-text titles and summaries. */
export function rssFeed<const Id extends string>(o: RssFeedOptions<Id>): Provider<Id> {
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'news',
    baseUrl: o.baseUrl,
    docs: o.docs,
    limits: o.limits ?? { perMinute: 2 },
    cors: o.cors ?? false,
    tier: o.tier ?? 'medium',
    weight: o.weight ?? 1,
    verified: o.verified ?? false,
    capabilities: { news: news({ path: o.path, source: o.name }) },
  });
}
