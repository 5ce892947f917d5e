import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'cryptopanic/api-v1-posts-btc-news.json',
    params: { symbols: ['BTC'] },
    expect: [
      {
        id: '15025037',
        title: 'Bitcoin Battles for $40K but Was Local Bottom Confirmed? (BTC Price Analysis)',
        url: 'https://cryptopanic.com/news/15025037/Bitcoin-Battles-for-40K-but-Was-Local-Bottom-Confirmed-BTC-Price-Analysis',
        source: 'Feed - Cryptopotato.Com',
        publishedAt: Date.parse('2022-04-26T14:07:55Z'),
        symbols: ['BTC'],
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
