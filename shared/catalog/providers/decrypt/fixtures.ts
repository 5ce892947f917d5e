import type { FixtureCase } from '../../testing/cases';

/** A real capture of the feed (tests/fixtures/upstream/INDEX.md), trimmed to its first two items. */
export const fixtures = [
  {
    capability: 'news',
    fixture: 'rss/decrypt-feed.xml',
    expect: [
      {
        id: 'https://decrypt.co/?p=352201',
        // `&#39;` decoded.
        title: "Vanguard Exec Calls Bitcoin a 'Digital Labubu', Even as Firm Offers Crypto ETF Trading",
        url: 'https://decrypt.co/352201/vanguard-exec-calls-bitcoin-digital-labubu-firm-offers-crypto-etf-trading',
        source: 'Decrypt',
        publishedAt: Date.parse('2025-12-12T21:59:32Z'),
        symbols: [],
      },
      { title: "These Bleak Victim Letters Helped Seal Terra Founder Do Kwon's Fate" },
    ],
  },
] as const satisfies readonly FixtureCase[];
