/** Base58check TRON address: `T` and 33 more characters. */
export const TRON_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

export function refuseTron(chain: string, address?: string): string | undefined {
  if (chain !== 'tron') return `this explorer serves tron, not ${chain}`;
  if (address !== undefined && !TRON_ADDRESS.test(address)) return `not a TRON address: ${address}`;
  return undefined;
}

/** TRX has 6 decimals: amounts arrive in sun. */
export const TRX_DECIMALS = 6;
