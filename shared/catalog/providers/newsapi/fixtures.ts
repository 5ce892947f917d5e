import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'newsapi/v2-everything-bitcoin.json',
    params: { symbols: ['BTC'] },
    expect: [
      {
        id: 'https://slashdot.org/submission/8451910/digital-currency-outside-of-the-united-states',
        title: 'Digital Currency outside of the United States',
        url: 'https://slashdot.org/submission/8451910/digital-currency-outside-of-the-united-states',
        source: 'Slashdot.org',
        publishedAt: Date.parse('2018-08-03T11:55:28Z'),
        symbols: [],
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
