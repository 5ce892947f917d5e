import type { FixtureCase } from '../../testing/cases';

/**
 * Real recorded responses (tests/fixtures/upstream/INDEX.md). No r/CryptoCurrency recording was
 * found: this is r/AskReddit's hot listing (2016, OAuth host), the same Listing envelope.
 */
export const fixtures = [
  {
    capability: 'social',
    fixture: 'reddit/r-askreddit-hot-listing.json',
    params: { community: 'AskReddit', limit: 5 },
    expect: [
      {
        id: 't3_46c00m',
        title: 'THE ASKREDDIT MOBILE DESIGN EXTRAVAGANZA CONTEST!',
        url: 'https://www.reddit.com/r/AskReddit/comments/46c00m/the_askreddit_mobile_design_extravaganza_contest/',
        score: 1382,
        comments: 433,
        t: 1455755445000,
      },
      { id: 't3_488k4a', score: 1394, comments: 506 },
    ],
  },
] as const satisfies readonly FixtureCase[];
