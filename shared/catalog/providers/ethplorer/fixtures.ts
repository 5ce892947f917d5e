import type { FixtureCase } from '../../testing/cases';

/**
 * getTokenInfo is an OpenBB cassette (mainnet). getAddressInfo is a live answer of Ethplorer's Sepolia
 * host (sepolia-api.ethplorer.io): the same Ethplorer API and body shape as api.ethplorer.io (only
 * `ETH.price` is empty on a testnet), so it proves the balance adapter; asked here as mainnet params.
 */
export const fixtures = [
  {
    capability: 'token-info',
    fixture: 'ethplorer/getTokenInfo-UNI.json',
    params: { address: '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984' },
    expect: {
      address: '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984',
      name: 'Uniswap',
      symbol: 'UNI',
      decimals: 18,
      totalSupply: '1000000000',
      priceUsd: 11.743219428061192,
      holders: 300232,
    },
  },
  {
    capability: 'balance',
    fixture: 'ethplorer/getAddressInfo-sepolia.json',
    params: { chain: 'ethereum', address: '0x31f19ae6248dd80e2c6d2eb26552d5aa089f10d5' },
    expect: { chain: 'ethereum', address: '0x31f19ae6248dd80e2c6d2eb26552d5aa089f10d5', amount: '0.891445303896884287' },
  },
] as const satisfies readonly FixtureCase[];
