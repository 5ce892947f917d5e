/** BlockCypher path (coin/network) per canonical chain. Litecoin is served upstream but is not a canonical chain. */
export const PATHS = { bitcoin: '/btc/main', ethereum: '/eth/main' } as const;

export function pathFor(chain: string): string | undefined {
  return chain === 'bitcoin' || chain === 'ethereum' ? PATHS[chain] : undefined;
}
