/**
 * Exact on-chain unit conversion. Amounts travel as bigint or as the provider's integer string
 * (hex `0x…` from JSON-RPC, decimal from explorers) and leave as decimal strings in whole native
 * units. No float touches an amount: 1 wei more or less is still visible in the answer.
 */

const HEX = /^0x[0-9a-f]+$/i;
const DEC = /^-?\d+$/;

/** A hex (`0x1bc16d674ec80000`) or decimal (`2000000000000000000`) integer string, or a bigint. */
export function toBigInt(value: bigint | string): bigint {
  if (typeof value === 'bigint') return value;
  const s = value.trim();
  if (HEX.test(s) || DEC.test(s)) return BigInt(s);
  throw new Error(`not an integer quantity: ${JSON.stringify(value.slice(0, 40))}`);
}

/** `formatUnits(1500000000000000000n, 18)` -> `'1.5'`; trailing zeros trimmed, `'0'` for zero. */
export function formatUnits(value: bigint | string, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) throw new Error(`bad decimals: ${decimals}`);
  const v = toBigInt(value);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = (abs / base).toString();
  const frac = decimals === 0 ? '' : (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Wei -> gwei as a number: exact decimal first, then one rounding at the very end. */
export const weiToGwei = (wei: bigint | string): number => Number(formatUnits(wei, 9));

/** A JSON-RPC quantity (hex) that must fit a JS number, e.g. a block height. */
export function quantityToNumber(hex: string): number {
  const n = toBigInt(hex);
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`quantity out of range: ${hex}`);
  return Number(n);
}

/** Exchange decimal string -> number when positive; exchanges send `"0"` for an absent bid or ask. */
export function positive(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
