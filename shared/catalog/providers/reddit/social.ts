import { z } from 'zod';
import { defineCapability } from '../../define';
import { decodeEntities } from '../../text';

const Link = z.looseObject({
  name: z.string(),
  title: z.string(),
  permalink: z.string(),
  score: z.number().int(),
  num_comments: z.number().int(),
  created_utc: z.number(),
});

export const social = defineCapability('social', {
  // raw_json=1: titles come unescaped (without it, `&` arrives as `&amp;`).
  request: ({ community, limit }) => ({ path: `/r/${community}/hot.json`, query: { limit, raw_json: 1 } }),
  response: z.object({ kind: z.literal('Listing'), data: z.object({ children: z.array(z.object({ kind: z.string(), data: z.unknown() })) }) }),
  // Only links (t3) are posts; anything else in a listing, or a link that fails its schema, is skipped.
  transform: ({ data }, { limit }) =>
    data.children
      .flatMap((c) => {
        const link = c.kind === 't3' ? Link.safeParse(c.data) : undefined;
        if (!link?.success) return [];
        const p = link.data;
        return [{ id: p.name, title: decodeEntities(p.title), url: `https://www.reddit.com${p.permalink}`, score: p.score, comments: p.num_comments, t: Math.round(p.created_utc * 1000) }];
      })
      .slice(0, limit),
});
