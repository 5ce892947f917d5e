import { describe, expect, it } from 'vitest';
import { BTC_ADDRESS, legsToTransfer, refuseBitcoin, satsToBtc } from './utxo';

const ME = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const OTHER = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';

describe('utxo helpers', () => {
  it('converts satoshi to BTC exactly', () => {
    expect(satsToBtc(1)).toBe('0.00000001');
    expect(satsToBtc(2_100_000_000_000_000n)).toBe('21000000');
    expect(satsToBtc('123456789')).toBe('1.23456789');
  });

  it('accepts mainnet addresses and refuses other chains', () => {
    expect(BTC_ADDRESS.test(ME)).toBe(true);
    expect(BTC_ADDRESS.test(OTHER)).toBe(true);
    expect(refuseBitcoin('ethereum')).toBe('this explorer serves bitcoin, not ethereum');
    expect(refuseBitcoin('bitcoin', '0xb8553D9ee35dd23BB96fbd679E651B929821969B')).toMatch(/not a Bitcoin/);
  });

  it('reads a spend as what left to others, change excluded', () => {
    const move = legsToTransfer(ME, [{ address: ME, sats: 1000n }], [{ address: OTHER, sats: 600n }, { address: ME, sats: 350n }]);
    expect(move).toEqual({ from: ME, to: OTHER, sats: 600n });
  });

  it('reads a receipt as what came to the address, coinbase included', () => {
    expect(legsToTransfer(ME, [{ address: OTHER, sats: 5n }], [{ address: ME, sats: 4n }])).toEqual({ from: OTHER, to: ME, sats: 4n });
    expect(legsToTransfer(ME, [{ address: undefined, sats: 0n }], [{ address: ME, sats: 7n }])).toEqual({ from: 'coinbase', to: ME, sats: 7n });
  });
});
