import type { FixtureCase } from '../../testing/cases';

/** A real capture of the feed (tests/fixtures/upstream/INDEX.md), trimmed to its first three items. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'rss/theblock-rss.xml',
    expect: [
      {
        id: 'https://www.theblock.co/post/382435',
        // `&amp;` in the link decoded once.
        url: 'https://www.theblock.co/post/382435/fogo-solana-svm-airdrop-token-sale-mainnet-launch?utm_source=rss&utm_medium=rss',
        source: 'The Block',
        // -0500 offset.
        publishedAt: Date.parse('2025-12-12T22:33:11Z'),
        summary: 'Fogo will airdrop the tokens set aside for a pre-sale next week, a change in strategy to better distribute tokens and reward early users.',
        symbols: [],
      },
      { id: 'https://www.theblock.co/post/382433' },
      { title: 'DeFi groups fire back against Citadel Securities’ call for ‘flawed’ SEC tokenization rules' },
    ],
  },
] as const satisfies readonly FixtureCase[];
