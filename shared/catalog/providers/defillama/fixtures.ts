import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become. */
export const fixtures = [
  {
    capability: 'tvl-protocols',
    fixture: 'defillama/protocols.json',
    params: { limit: 3 },
    expect: [
      { name: 'Curve', slug: 'curve', tvlUsd: 16890071630.01999, change1dPct: 1.8300037499020476, category: 'Dexes' },
      { name: 'MakerDAO', slug: 'makerdao', chains: ['Ethereum'], category: 'Minting' },
      { name: 'AAVE', slug: 'aave', tvlUsd: 11549515584.783794 },
    ],
  },
  {
    capability: 'tvl-chains',
    fixture: 'defillama/v2-chains.json',
    // Upstream order is arbitrary; the answer is ranked by TVL.
    expect: [
      { chain: 'Ethereum', tvlUsd: 52875523609.47606 },
      { chain: 'Avalanche', tvlUsd: 2241584668.5667295 },
      { chain: 'Polygon', tvlUsd: 2059693237.1866426 },
    ],
  },
] as const satisfies readonly FixtureCase[];
