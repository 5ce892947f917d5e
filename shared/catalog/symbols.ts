/**
 * CoinGecko ids; DefiLlama's price API addresses coins as `coingecko:<id>`, so it shares them.
 * The first block is generated from the recorded top-100 list
 * (tests/fixtures/upstream/coingecko/coins-markets-usd.json, 2022-02-23): first occurrence of a
 * symbol wins, symbols outside /^[A-Z0-9]{1,20}$/ are skipped. LUNA (`terra-luna`) and UST
 * (`terrausd`) are left out on purpose: since May 2022 those tickers name other coins (the old ones
 * trade as LUNC/USTC), so a live markets call should teach them instead. The second block is coins
 * listed after that recording (kept from the hand-written table; none of its entries disagreed).
 */
const COINGECKO_IDS = {
  TICO: 'ticoex-token', BTC: 'bitcoin', ETH: 'ethereum', USDT: 'tether', BNB: 'binancecoin', USDC: 'usd-coin',
  XRP: 'ripple', ADA: 'cardano', SOL: 'solana', AVAX: 'avalanche-2', DOT: 'polkadot', BUSD: 'binance-usd',
  DOGE: 'dogecoin', SHIB: 'shiba-inu', MATIC: 'matic-network', CRO: 'crypto-com-chain',
  WBTC: 'wrapped-bitcoin', DAI: 'dai', LTC: 'litecoin', ATOM: 'cosmos', LINK: 'chainlink', TRX: 'tron',
  NEAR: 'near', FTT: 'ftx-token', BCH: 'bitcoin-cash', LEO: 'leo-token', ALGO: 'algorand',
  STETH: 'staked-ether', XLM: 'stellar', OKB: 'okb', HBAR: 'hedera-hashgraph', FTM: 'fantom', UNI: 'uniswap',
  MANA: 'decentraland', ICP: 'internet-computer', AXS: 'axie-infinity', ETC: 'ethereum-classic',
  SAND: 'the-sandbox', EGLD: 'elrond-erd-2', KLAY: 'klay-token', VET: 'vechain', FIL: 'filecoin',
  THETA: 'theta-token', CDAI: 'cdai', XMR: 'monero', XTZ: 'tezos', MIM: 'magic-internet-money', OMI: 'ecomi',
  FRAX: 'frax', OSMO: 'osmosis', CUSDC: 'compound-usd-coin', GRT: 'the-graph', HNT: 'helium',
  CETH: 'compound-ether', EOS: 'eos', MIOTA: 'iota', BTTOLD: 'bittorrent-old', CAKE: 'pancakeswap-token',
  AAVE: 'aave', FLOW: 'flow', TFUEL: 'theta-fuel', GALA: 'gala', BTT: 'bittorrent', ONE: 'harmony',
  MKR: 'maker', BSV: 'bitcoin-cash-sv', QNT: 'quant-network', HBTC: 'huobi-btc', KCS: 'kucoin-shares',
  NEO: 'neo', HT: 'huobi-token', TUSD: 'true-usd', XEC: 'ecash', ENJ: 'enjincoin', AR: 'arweave',
  CEL: 'celsius-degree-token', JUNO: 'juno-network', AMP: 'amp-token', HEART: 'humans-ai', ZEC: 'zcash',
  STX: 'blockstack', BIT: 'bitdao', KSM: 'kusama', XRD: 'radix', KDA: 'kadena', RUNE: 'thorchain',
  CVX: 'convex-finance', FXS: 'frax-share', NEXO: 'nexo', CELO: 'celo', BAT: 'basic-attention-token',
  USDP: 'paxos-standard', LRC: 'loopring', DASH: 'dash', CHZ: 'chiliz', CRV: 'curve-dao-token', WAVES: 'waves',
  GT: 'gatechain-token',
  POL: 'polygon-ecosystem-token', TON: 'the-open-network', ARB: 'arbitrum', OP: 'optimism', APT: 'aptos',
  SUI: 'sui', PEPE: 'pepe', ARK: 'ark',
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
  // The ten ids in coincap/v2-assets-limit-10.json (BTC … USDC) are recorded and agree with these.
  coincap: {
    BTC: 'bitcoin', ETH: 'ethereum', USDT: 'tether', BNB: 'binance-coin', SOL: 'solana', XRP: 'xrp',
    USDC: 'usd-coin', DOGE: 'dogecoin', ADA: 'cardano', TRX: 'tron', AVAX: 'avalanche', LINK: 'chainlink',
    DOT: 'polkadot', LTC: 'litecoin', BCH: 'bitcoin-cash', SHIB: 'shiba-inu', DAI: 'multi-collateral-dai',
    UNI: 'uniswap', ATOM: 'cosmos', XLM: 'stellar', ETC: 'ethereum-classic', XMR: 'monero', FIL: 'filecoin',
    AAVE: 'aave', MKR: 'maker',
  },
  // Only BTC ('90', coinlore/api-ticker-id-90.json) is recorded; the rest are from CoinLore's docs.
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
