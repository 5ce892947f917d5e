import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    // An "Ask HN" text post: no url, so the item page is the link.
    capability: 'social',
    fixture: 'hackernews/search-story-theoretical-biologist.json',
    params: { community: 'biologist', limit: 2 },
    expect: [
      {
        id: '13133437',
        title: 'Ask HN: How would I visualize URL propagation in the blogosphere?',
        url: 'https://news.ycombinator.com/item?id=13133437',
        score: 1,
        comments: 0,
        t: 1481225947000,
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
