import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'cryptocompare-news/data-v2-news-EN.json',
    expect: [
      {
        id: '27050400',
        title: 'Escrow Brings New Era of Decentralized Crowdfunding with High Yield Rewards',
        url: 'https://www.newsbtc.com/sponsored/escrow-brings-new-era-of-decentralized-crowdfunding-with-high-yield-rewards/',
        source: 'NewsBTC',
        publishedAt: 1628746551000,
        // "ICO|Blockchain|Business|Market|Sponsored": topics only, no coin.
        symbols: [],
      },
    ],
  },
  // The min-api error envelope at HTTP 200 (a test literal: used only as a failure case).
  { capability: 'news', fixture: 'cryptocompare/error-no-data-for-symbol.json', fails: 'upstream_error' },
] as const satisfies readonly FixtureCase[];
