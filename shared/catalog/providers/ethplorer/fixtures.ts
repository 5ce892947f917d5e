import type { FixtureCase } from '../../testing/cases';

/** getTokenInfo is recorded (OpenBB cassette); getAddressInfo is written from the docs, so unverified. */
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
] as const satisfies readonly FixtureCase[];
