import { describe, expect, it } from 'vitest';
import { formatUnits, positive, quantityToNumber, toBigInt, weiToGwei } from './units';

describe('formatUnits', () => {
  it('converts wei to ether exactly, trimming trailing zeros', () => {
    expect(formatUnits(1_500_000_000_000_000_000n, 18)).toBe('1.5');
    expect(formatUnits('960071318000000000', 18)).toBe('0.960071318');
    expect(formatUnits('1000000000000000000', 18)).toBe('1');
  });

  it('reads hex quantities as JSON-RPC sends them', () => {
    expect(formatUnits('0x1bc16d674ec80000', 18)).toBe('2');
    expect(formatUnits('0x0', 18)).toBe('0');
    expect(formatUnits('0X1', 18)).toBe('0.000000000000000001');
  });

  it('keeps every digit of amounts far beyond float precision', () => {
    expect(formatUnits('123456789012345678901234567890', 18)).toBe('123456789012.34567890123456789');
    expect(formatUnits(2n ** 256n - 1n, 18)).toBe(
      '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
    );
  });

  it('handles zero decimals, zero and negatives', () => {
    expect(formatUnits('42', 0)).toBe('42');
    expect(formatUnits(0n, 18)).toBe('0');
    expect(formatUnits(-1_500_000_000n, 9)).toBe('-1.5');
  });

  it('refuses what is not an integer quantity', () => {
    expect(() => formatUnits('1.5', 18)).toThrow();
    expect(() => formatUnits('0x', 18)).toThrow();
    expect(() => formatUnits('12e3', 18)).toThrow();
    expect(() => formatUnits('1', -1)).toThrow();
    expect(() => toBigInt('')).toThrow();
  });
});

describe('gas and quantities', () => {
  it('converts wei to gwei through an exact decimal', () => {
    expect(weiToGwei('0x342a385a')).toBe(0.87518217);
    expect(weiToGwei(30_000_000_000n)).toBe(30);
  });

  it('reads block heights and refuses unsafe ones', () => {
    expect(quantityToNumber('0x17ead53')).toBe(25079123);
    expect(() => quantityToNumber('0x20000000000000')).toThrow();
  });

  it('maps non-positive exchange strings to undefined', () => {
    expect(positive('60755.18000000')).toBe(60755.18);
    expect(positive('0.00000000')).toBeUndefined();
    expect(positive(undefined)).toBeUndefined();
  });
});
