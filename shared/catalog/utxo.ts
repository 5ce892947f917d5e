import { formatUnits } from './units';

/**
 * Helpers for UTXO (Bitcoin) explorers: address checks, satoshi -> BTC, and one rule for turning
 * a many-inputs, many-outputs transaction into the canonical `{from, to, value}` seen from one
 * address. Amounts stay bigint until the end, so 1 satoshi is always visible.
 */

/** Legacy (1…), P2SH (3…) or bech32/bech32m (bc1…) mainnet address. */
export const BTC_ADDRESS = /^(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,87})$/;

export const SATS_PER_BTC_DECIMALS = 8;
export const satsToBtc = (sats: bigint | string | number): string =>
  formatUnits(typeof sats === 'number' ? BigInt(sats) : sats, SATS_PER_BTC_DECIMALS);

/** A refusal message when these params are not for a Bitcoin explorer, else undefined. */
export function refuseBitcoin(chain: string, address?: string): string | undefined {
  if (chain !== 'bitcoin') return `this explorer serves bitcoin, not ${chain}`;
  if (address !== undefined && !BTC_ADDRESS.test(address)) return `not a Bitcoin mainnet address: ${address}`;
  return undefined;
}

export interface Leg {
  /** Undefined for coinbase inputs and non-standard outputs. */
  readonly address: string | undefined;
  readonly sats: bigint;
}

/**
 * Seen from `self`: when `self` spends, `from` is `self`, `to` the first other output and `value`
 * what left to others (change excluded); otherwise `from` is the first input's address and
 * `value` what `self` received. Coinbase inputs read as `coinbase`.
 */
export function legsToTransfer(self: string, inputs: readonly Leg[], outputs: readonly Leg[]): { from: string; to: string; sats: bigint } {
  const spends = inputs.some((i) => i.address === self);
  if (spends) {
    const others = outputs.filter((o) => o.address !== self);
    return { from: self, to: others[0]?.address ?? self, sats: others.reduce((s, o) => s + o.sats, 0n) };
  }
  const mine = outputs.filter((o) => o.address === self);
  return { from: inputs[0]?.address ?? 'coinbase', to: self, sats: mine.reduce((s, o) => s + o.sats, 0n) };
}
