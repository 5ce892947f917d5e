import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../model';
import { interpret } from '../../../engine/pipeline';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { lemmyWorld } from './index';

conformance(lemmyWorld, fixtures);

describe('lemmy-world', () => {
  const adapter = lemmyWorld.capabilities.social;
  const params = CAPABILITIES.social.params.parse({ community: 'CryptoCurrency', limit: 10 });
  const ctx = { now: Date.parse('2026-01-01T00:00:00Z'), symbolId: () => undefined };
  const run = (body: unknown) => (adapter ? interpret(lemmyWorld, adapter, { status: 200, headers: {}, body: JSON.stringify(body) }, params, ctx) : undefined);

  it('lists the community hot posts', () => {
    expect(adapter?.request(params, ctx)).toMatchObject({ path: '/post/list', query: { community_name: 'cryptocurrency', sort: 'Hot', limit: 10 } });
  });

  // Shape per the LemmyHttp getPosts docs: posts[] of {post, counts, creator, community, …}.
  it('maps post views and reads naive timestamps as UTC', () => {
    const posts = [
      { post: { id: 7, name: 'BTC &amp; ETH', url: null, ap_id: 'https://lemmy.world/post/7', published: '2023-06-01T12:00:00.5' }, counts: { score: 5, comments: 1 } },
      { post: { id: 8, name: 'x', ap_id: 'https://lemmy.world/post/8', published: '2024-02-01T00:00:00Z' }, counts: { score: -2, comments: 0 } },
    ];
    expect(run({ posts })).toEqual({
      ok: true,
      value: [
        { id: '7', title: 'BTC & ETH', url: 'https://lemmy.world/post/7', score: 5, comments: 1, t: Date.parse('2023-06-01T12:00:00.5Z') },
        { id: '8', title: 'x', url: 'https://lemmy.world/post/8', score: -2, comments: 0, t: Date.parse('2024-02-01T00:00:00Z') },
      ],
    });
  });

  it('classifies a missing community', () => {
    expect(run({ error: 'couldnt_find_community' })).toMatchObject({ ok: false, kind: 'unsupported' });
  });
});
