import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { hackernews } from './index';

conformance(hackernews, fixtures);

describe('hackernews', () => {
  const adapter = hackernews.capabilities.social;
  const params = CAPABILITIES.social.params.parse({ community: 'bitcoin', limit: 5 });
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: unknown) => (adapter ? interpret(hackernews, adapter, { status: 200, headers: {}, body: JSON.stringify(body) }, params, ctx) : undefined);

  it('searches stories for the community name', () => {
    expect(adapter?.request(params, ctx)).toMatchObject({ path: '/search', query: { query: 'bitcoin', tags: 'story', hitsPerPage: 5 } });
  });

  // Shape per https://hn.algolia.com/api (hits[] with objectID, title, url, points, num_comments, created_at_i).
  it('links text posts to their item page and skips untitled hits', () => {
    const hits = [
      { objectID: '1', title: 'Bitcoin paper', url: 'https://bitcoin.org/bitcoin.pdf', points: 10, num_comments: 2, created_at_i: 1700000000 },
      { objectID: '2', title: 'Ask HN: BTC?', url: null, points: 3, num_comments: null, created_at_i: 1700000001 },
      { objectID: '3', title: null, url: null, points: 1, num_comments: 0, created_at_i: 1700000002 },
    ];
    expect(run({ hits, nbHits: 3, page: 0 })).toEqual({
      ok: true,
      value: [
        { id: '1', title: 'Bitcoin paper', url: 'https://bitcoin.org/bitcoin.pdf', score: 10, comments: 2, t: 1700000000000 },
        { id: '2', title: 'Ask HN: BTC?', url: 'https://news.ycombinator.com/item?id=2', score: 3, comments: 0, t: 1700000001000 },
      ],
    });
  });
});
