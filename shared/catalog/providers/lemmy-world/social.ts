import { z } from 'zod';
import { defineCapability } from '../../define';
import { decodeEntities } from '../../text';

const PostView = z.looseObject({
  post: z.looseObject({ id: z.number().int(), name: z.string(), url: z.string().nullish(), ap_id: z.string(), published: z.string() }),
  counts: z.looseObject({ score: z.number().int(), comments: z.number().int() }),
});

/** Lemmy before 0.19 wrote naive UTC times ("2023-06-01T12:00:00.123456"): read them as UTC. */
const utc = (s: string): number => Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(s) ? s : `${s}Z`);

export const social = defineCapability('social', {
  request: ({ community, limit }) => ({ path: '/post/list', query: { community_name: community.toLowerCase(), sort: 'Hot', type_: 'All', limit: Math.min(limit, 50) } }),
  response: z.object({ posts: z.array(PostView) }),
  // The post's own link (ap_id) is the discussion; `url` is what it links to. The discussion is kept.
  transform: ({ posts }, { limit }) =>
    posts
      .filter((p) => /^https?:\/\//.test(p.post.ap_id))
      .slice(0, limit)
      .map(({ post, counts }) => ({ id: String(post.id), title: decodeEntities(post.name), url: post.ap_id, score: counts.score, comments: counts.comments, t: utc(post.published) })),
});
