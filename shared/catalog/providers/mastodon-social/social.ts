import { z } from 'zod';
import { defineCapability } from '../../define';
import { clip, htmlToText } from '../../text';

const Status = z.object({
  id: z.string(),
  created_at: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  content: z.string(),
  spoiler_text: z.string().nullish(),
  favourites_count: z.number().int(),
  replies_count: z.number().int(),
});

const TITLE_MAX = 300;
/** Mastodon caps a timeline page at 40 statuses. */
const PAGE_MAX = 40;

/**
 * A hashtag timeline (`community` is the tag): statuses have no title, so the plain text of the
 * post (or its content warning, when it has one) stands in; favourites are the score.
 */
export const social = defineCapability('social', {
  request: ({ community, limit }) => ({ path: `/timelines/tag/${community.toLowerCase()}`, query: { limit: Math.min(limit, PAGE_MAX) } }),
  // The length is checked before the statuses are read, so an oversized body fails fast.
  response: z.array(z.unknown()).max(PAGE_MAX * 5).pipe(z.array(Status)),
  transform: (statuses, { limit }) =>
    statuses
      .flatMap((s) => {
        const url = s.url ?? s.uri;
        const title = clip(s.spoiler_text ? s.spoiler_text : htmlToText(s.content), TITLE_MAX);
        const t = Date.parse(s.created_at);
        if (!/^https?:\/\//.test(url) || !title || Number.isNaN(t)) return [];
        return [{ id: s.id, title, url, score: s.favourites_count, comments: Math.max(0, s.replies_count), t }];
      })
      .slice(0, limit),
});
