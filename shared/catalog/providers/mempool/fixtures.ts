import type { FixtureCase } from '../../testing/cases';

/**
 * The fee estimate is mempool.space's own answer. The address answer was recorded from
 * blockstream.info's Esplora (rotki cassette): mempool.space serves the same Esplora REST API
 * (its electrs fork) with the same {address, chain_stats, mempool_stats} object, so it proves the
 * balance shape. Tip height and address transactions have no recording yet: unverified.
 */
export const fixtures = [
  {
    capability: 'gas',
    fixture: 'mempool/api-v1-fees-recommended.json',
    params: { chain: 'bitcoin' },
    expect: { chain: 'bitcoin', slow: 11, standard: 11, fast: 13, baseFee: 5, unit: 'sat/vB' },
  },
  {
    capability: 'balance',
    fixture: 'mempool/esplora-address-blockstream.json',
    params: { chain: 'bitcoin', address: 'bc1qgfyalcj9mlk83jq8t6wue5vznt3s3ye6e3sgas' },
    expect: { chain: 'bitcoin', address: 'bc1qgfyalcj9mlk83jq8t6wue5vznt3s3ye6e3sgas', amount: '0' },
  },
] as const satisfies readonly FixtureCase[];
