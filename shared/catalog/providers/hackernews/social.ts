import { z } from 'zod';
import { defineCapability } from '../../define';
import { decodeEntities } from '../../text';

const Hit = z.looseObject({
  objectID: z.string(),
  title: z.string().nullish(),
  /** Null for Ask HN / text posts: the item page is the link then. */
  url: z.string().nullish(),
  points: z.number().int().nullish(),
  num_comments: z.number().int().nullish(),
  created_at_i: z.number().int(),
});

export const social = defineCapability('social', {
  // Hacker News has no communities: the community name is the search term, stories only.
  request: ({ community, limit }) => ({ path: '/search', query: { query: community, tags: 'story', hitsPerPage: limit } }),
  response: z.object({ hits: z.array(Hit) }),
  transform: ({ hits }, { limit }) =>
    hits
      .flatMap((h) => {
        const title = decodeEntities(h.title ?? '').trim();
        if (!title) return [];
        const url = h.url && /^https?:\/\//.test(h.url) ? h.url : `https://news.ycombinator.com/item?id=${h.objectID}`;
        return [{ id: h.objectID, title, url, score: h.points ?? 0, comments: h.num_comments ?? 0, t: h.created_at_i * 1000 }];
      })
      .slice(0, limit),
});
