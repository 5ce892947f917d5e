/** CoinGecko ids; DefiLlama's price API addresses coins as `coingecko:<id>`, so it shares them. */
const COINGECKO_IDS = {
  BTC: 'bitcoin', ETH: 'ethereum', USDT: 'tether', BNB: 'binancecoin', SOL: 'solana', XRP: 'ripple',
  USDC: 'usd-coin', DOGE: 'dogecoin', ADA: 'cardano', TRX: 'tron', AVAX: 'avalanche-2', LINK: 'chainlink',
  DOT: 'polkadot', MATIC: 'matic-network', POL: 'polygon-ecosystem-token', LTC: 'litecoin', BCH: 'bitcoin-cash',
  SHIB: 'shiba-inu', DAI: 'dai', UNI: 'uniswap', ATOM: 'cosmos', XLM: 'stellar', ETC: 'ethereum-classic',
  XMR: 'monero', TON: 'the-open-network', ARB: 'arbitrum', OP: 'optimism', NEAR: 'near', APT: 'aptos',
  FIL: 'filecoin', AAVE: 'aave', MKR: 'maker', ARK: 'ark', SUI: 'sui', PEPE: 'pepe',
} as const;

/**
 * Canonical symbol -> provider id, for providers that key coins by their own ids.
 * Exchanges derive their pair names in their adapters (see ./pairs.ts). What is not here is
 * learned at run time from a provider's list endpoint and cached (`SymbolMap.learn`).
 */
export const SYMBOL_IDS = {
  coingecko: COINGECKO_IDS,
  'defillama-coins': COINGECKO_IDS,
  coinpaprika: {
    BTC: 'btc-bitcoin', ETH: 'eth-ethereum', USDT: 'usdt-tether', BNB: 'bnb-binance-coin', SOL: 'sol-solana',
    XRP: 'xrp-xrp', USDC: 'usdc-usd-coin', DOGE: 'doge-dogecoin', ADA: 'ada-cardano', TRX: 'trx-tron',
    AVAX: 'avax-avalanche', LINK: 'link-chainlink', DOT: 'dot-polkadot', LTC: 'ltc-litecoin',
    BCH: 'bch-bitcoin-cash', SHIB: 'shib-shiba-inu', DAI: 'dai-dai', UNI: 'uni-uniswap', ATOM: 'atom-cosmos',
    XLM: 'xlm-stellar', ETC: 'etc-ethereum-classic', XMR: 'xmr-monero', MATIC: 'matic-polygon',
    ARB: 'arb-arbitrum', OP: 'op-optimism', NEAR: 'near-near-protocol', APT: 'apt-aptos', FIL: 'fil-filecoin',
  },
  coincap: {
    BTC: 'bitcoin', ETH: 'ethereum', USDT: 'tether', BNB: 'binance-coin', SOL: 'solana', XRP: 'xrp',
    USDC: 'usd-coin', DOGE: 'dogecoin', ADA: 'cardano', TRX: 'tron', AVAX: 'avalanche', LINK: 'chainlink',
    DOT: 'polkadot', LTC: 'litecoin', BCH: 'bitcoin-cash', SHIB: 'shiba-inu', DAI: 'multi-collateral-dai',
    UNI: 'uniswap', ATOM: 'cosmos', XLM: 'stellar', ETC: 'ethereum-classic', XMR: 'monero', FIL: 'filecoin',
    AAVE: 'aave', MKR: 'maker',
  },
  coinlore: {
    BTC: '90', ETH: '80', USDT: '518', XRP: '58', DOGE: '2', LTC: '1', ADA: '257', BNB: '2710',
  },
} as const satisfies Record<string, Record<string, string>>;

export type SymbolProvider = keyof typeof SYMBOL_IDS;

/** Lookup with learned mappings layered over the static table. */
export class SymbolMap {
  readonly #learned = new Map<string, string>();
  readonly #reverse = new Map<string, string>();

  constructor(learned: Iterable<readonly [provider: string, symbol: string, id: string]> = []) {
    for (const [p, s, id] of learned) this.learn(p, s, id);
  }

  resolve(provider: string, symbol: string): string | undefined {
    const sym = symbol.toUpperCase();
    const table: Readonly<Record<string, string>> | undefined = (SYMBOL_IDS as Record<string, Record<string, string>>)[provider];
    return table?.[sym] ?? this.#learned.get(`${provider}:${sym}`);
  }

  /** Canonical symbol for a provider's id, if known. */
  reverse(provider: string, id: string): string | undefined {
    const hit = this.#reverse.get(`${provider}:${id}`);
    if (hit) return hit;
    const table: Readonly<Record<string, string>> | undefined = (SYMBOL_IDS as Record<string, Record<string, string>>)[provider];
    if (!table) return undefined;
    for (const [sym, pid] of Object.entries(table)) if (pid === id) return sym;
    return undefined;
  }

  learn(provider: string, symbol: string, id: string): void {
    const sym = symbol.toUpperCase();
    if (this.resolve(provider, sym)) return;
    this.#learned.set(`${provider}:${sym}`, id);
    this.#reverse.set(`${provider}:${id}`, sym);
  }

  /** What was learned, for persisting. */
  learned(): Array<[provider: string, symbol: string, id: string]> {
    return [...this.#learned].map(([k, id]) => {
      const i = k.indexOf(':');
      return [k.slice(0, i), k.slice(i + 1), id];
    });
  }

  /** A context-bound resolver for one provider. */
  forProvider(provider: string): (symbol: string) => string | undefined {
    return (symbol) => this.resolve(provider, symbol);
  }
}
