import type { FixtureCase } from '../../testing/cases';

/**
 * The balance recording is a testnet3 address answer (nock recording, tests/fixtures/upstream/INDEX.md):
 * BlockCypher serves every coin/network from the same code with the same address object
 * ({address, balance, final_balance, …} in satoshis), so it proves the balance shape; it is asked
 * here with mainnet params. Gas, block height and transactions have no recording yet: unverified.
 */
export const fixtures = [
  {
    capability: 'balance',
    fixture: 'blockcypher/v1-btc-test3-addrs-unspentOnly.json',
    params: { chain: 'bitcoin', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' },
    expect: { chain: 'bitcoin', amount: '1.81864441' },
  },
] as const satisfies readonly FixtureCase[];
