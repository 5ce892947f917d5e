import type { FixtureCase } from '../../testing/cases';

/**
 * A real capture of the feed (tests/fixtures/upstream/INDEX.md), trimmed to its first two items.
 * The staging sample `rss/cointelegraph-rss-EDITED-sample.xml` is not used: it was edited.
 */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'rss/cointelegraph-rss.xml',
    expect: [
      {
        id: 'https://cointelegraph.com/news/figure-technology-solana-onchain-equity-second-ipo',
        title: 'Figure Technology files ‘second IPO’ to bring native equity issuance to Solana',
        url: 'https://cointelegraph.com/news/figure-technology-solana-onchain-equity-second-ipo?utm_source=rss_feed&utm_medium=rss&utm_campaign=rss_partner_inbound',
        source: 'Cointelegraph',
        publishedAt: Date.parse('2025-12-12T16:57:28Z'),
        // The description's <p><img …></p> wrapper is gone: plain text only.
        summary:
          'Figure is planning a second IPO to issue blockchain-native equity on Solana, enabling onchain trading and DeFi use cases beyond traditional stock markets.',
        symbols: [],
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
