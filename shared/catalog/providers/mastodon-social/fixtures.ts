import type { FixtureCase } from '../../testing/cases';

/**
 * A real Mastodon server's answer to GET /api/v1/timelines/tag/hoot, recorded by Mastodon.py's
 * test suite against its own test instance (hence the localhost links).
 */
export const fixtures = [
  {
    capability: 'social',
    fixture: 'mastodon/api-v1-timelines-tag-hoot.json',
    params: { community: 'hoot', limit: 5 },
    expect: [
      {
        id: '109440153064280358',
        title: '#hoot (hashtag toot)',
        url: 'http://localhost:3000/@mastodonpy_test/109440153064280358',
        score: 0,
        comments: 0,
        t: Date.parse('2022-12-01T19:50:10.577Z'),
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
