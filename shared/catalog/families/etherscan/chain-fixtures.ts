import type { Chain } from '../../../model';
import type { FixtureCase } from '../../testing/cases';

const ADDRESS = '0xb8553D9ee35dd23BB96fbd679E651B929821969B';

/**
 * The family's recordings (see providers/etherscan/fixtures.ts) asked of another Etherscan V2 chain.
 * V2 is one API on one host: every chainid answers the same `{status, message, result}` bodies
 * (and the proxy module the same JSON-RPC envelope), so one chain's recording proves the shape for
 * all of them and only the requested chain changes. Chain-specific recordings, where found, are
 * added by the member's own fixtures.ts.
 */
export const etherscanFixturesFor = (chain: Chain) =>
  [
    {
      capability: 'gas',
      fixture: 'etherscan/gastracker-gasoracle.json',
      params: { chain },
      expect: { chain, slow: 8, standard: 9, fast: 9, baseFee: 7.376342631, unit: 'gwei' },
    },
    {
      capability: 'balance',
      fixture: 'etherscan/v2-account-balance.json',
      params: { chain, address: '0x3C69Bc9B9681683890ad82953Fe67d13Cd91D5EE' },
      expect: { chain, amount: '0.960071318' },
    },
    {
      capability: 'transactions',
      fixture: 'etherscan/v2-account-txlist.json',
      params: { chain, address: ADDRESS },
      expect: [{ hash: '0xfeabe8233f374eed505960f4bf8364a9d9398d7e1320ff7df425934134450231', value: '0.02', status: 'ok' }],
    },
    {
      capability: 'block-height',
      fixture: 'etherscan/v2-proxy-eth_blockNumber-gnosis.json',
      params: { chain },
      expect: { chain, height: 43900295 },
    },
    { capability: 'balance', fixture: 'etherscan/error-notok-missing-api-key.json', params: { chain, address: ADDRESS }, fails: 'auth' },
    // The free plan's refusal for chains it no longer covers (recorded on BSC, same text for every such chain).
    { capability: 'transactions', fixture: 'bscscan/v2-account-txlist-chainid56-notok.json', params: { chain, address: ADDRESS }, fails: 'auth' },
  ] as const satisfies readonly FixtureCase[];
