import type { FixtureCase } from '../../testing/cases';

const ADDRESS = '0xb8553D9ee35dd23BB96fbd679E651B929821969B';

/**
 * Real recorded responses (tests/fixtures/upstream/INDEX.md) and what they must become.
 * The gas oracle recordings come from the V1 host (api.etherscan.io/api); V2 answers the same
 * body. The block-height recording is V2's proxy module on Gnosis (chainid 100): the envelope is
 * the same for every chain. The BscScan NOTOK is the family's plan-coverage refusal.
 */
export const fixtures = [
  {
    capability: 'gas',
    fixture: 'etherscan/gastracker-gasoracle.json',
    expect: { chain: 'ethereum', slow: 8, standard: 9, fast: 9, baseFee: 7.376342631, unit: 'gwei' },
  },
  {
    // Keyless V1 answer: still status "1", with a warning in `message`.
    capability: 'gas',
    fixture: 'etherscan/gastracker-gasoracle-nokey.json',
    expect: { slow: 13, standard: 14, fast: 14, baseFee: 12.086368893 },
  },
  {
    capability: 'balance',
    fixture: 'etherscan/v2-account-balance.json',
    params: { address: '0x3C69Bc9B9681683890ad82953Fe67d13Cd91D5EE' },
    expect: { chain: 'ethereum', amount: '0.960071318' },
  },
  {
    capability: 'transactions',
    fixture: 'etherscan/v2-account-txlist.json',
    params: { address: ADDRESS },
    expect: [
      {
        hash: '0xfeabe8233f374eed505960f4bf8364a9d9398d7e1320ff7df425934134450231',
        t: 1671926939000,
        from: '0x3794da19a22cede7976f9d3181f2ccd58f6408a5',
        to: '0xb8553d9ee35dd23bb96fbd679e651b929821969b',
        value: '0.02',
        fee: '0.000223141847964',
        status: 'ok',
      },
    ],
  },
  {
    capability: 'block-height',
    fixture: 'etherscan/v2-proxy-eth_blockNumber-gnosis.json',
    expect: { chain: 'ethereum', height: 43900295 },
  },
  { capability: 'balance', fixture: 'etherscan/error-notok-missing-api-key.json', params: { address: ADDRESS }, fails: 'auth' },
  { capability: 'transactions', fixture: 'bscscan/v2-account-txlist-chainid56-notok.json', params: { address: ADDRESS }, fails: 'auth' },
  // A getabi refusal: any other NOTOK reason is an upstream error.
  { capability: 'balance', fixture: 'etherscan/error-notok-contract-not-verified.json', params: { address: ADDRESS }, fails: 'upstream_error' },
] as const satisfies readonly FixtureCase[];
