import type { FixtureCase } from '../../testing/cases';

/** A real capture of the feed (tests/fixtures/upstream/INDEX.md), trimmed to its first three items. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'rss/coindesk-arc-outboundfeeds-rss.xml',
    expect: [
      {
        id: '9aef2b42-3854-4f38-8336-c157cc2d05a1',
        // The CDATA title ends in a space; text is trimmed.
        title: 'Citadel Securities and DeFi Waging War of Words Through SEC Correspondence',
        url: 'https://www.coindesk.com/policy/2025/12/12/citadel-securities-and-defi-waging-war-of-words-through-sec-correspondence',
        source: 'CoinDesk',
        publishedAt: Date.parse('2025-12-12T22:20:18Z'),
        symbols: [],
      },
      { id: '85b43003-2e26-49fb-89b4-b7c9d06ee992', publishedAt: Date.parse('2025-12-12T20:59:57Z') },
    ],
  },
] as const satisfies readonly FixtureCase[];
