import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'nft-collection',
    fixture: 'opensea/api-v2-collections-ens-stats.json',
    params: { slug: 'ens' },
    expect: { slug: 'ens', floorPrice: 0.002, currency: 'ETH', volume24h: 5.229187590000003, owners: 876926 },
  },
] as const satisfies readonly FixtureCase[];
