import type { Category, ProviderSpec } from '../engine/adapter';
import type { PoolConfigInput } from '../engine/pool';
import type { Strategy } from '../engine/strategies';

interface SeedPool {
  readonly id: string;
  readonly name: string;
  readonly strategy: Strategy;
  /** The older system's members, in its order, as catalog ids (absent ones are dropped). */
  readonly seedMembers: readonly string[];
  /** Catalog categories whose other providers join after the seed members. */
  readonly categories: readonly Category[];
}

/**
 * The older system's eight pools, with their names and strategies (providers_config_extended.json,
 * `pool_configurations`). Its members come first, mapped to catalog ids; every other catalog
 * provider of the pool's categories follows, so a pool never shrinks to the few the seeds named.
 */
export const SEED_POOLS: readonly SeedPool[] = [
  { id: 'primary-market-data', name: 'Primary Market Data Pool', strategy: 'priority', seedMembers: ['coingecko', 'coincap', 'cryptocompare', 'binance', 'coinbase'], categories: ['market'] },
  { id: 'blockchain-explorer', name: 'Blockchain Explorer Pool', strategy: 'round_robin', seedMembers: ['etherscan', 'bscscan', 'polygonscan', 'blockchair', 'ethplorer'], categories: ['explorer', 'rpc'] },
  { id: 'defi-protocol', name: 'DeFi Protocol Pool', strategy: 'weighted', seedMembers: ['defillama'], categories: ['defi'] },
  { id: 'nft-market', name: 'NFT Market Pool', strategy: 'priority', seedMembers: ['opensea', 'reservoir', 'rarible'], categories: ['nft'] },
  { id: 'news-aggregation', name: 'News Aggregation Pool', strategy: 'round_robin', seedMembers: ['coindesk', 'cointelegraph', 'bitcoinist', 'cryptopanic'], categories: ['news'] },
  { id: 'sentiment-analysis', name: 'Sentiment Analysis Pool', strategy: 'priority', seedMembers: ['alternative-me', 'lunarcrush', 'reddit'], categories: ['sentiment', 'social', 'ai'] },
  { id: 'exchange-data', name: 'Exchange Data Pool', strategy: 'weighted', seedMembers: ['binance', 'kraken', 'coinbase', 'bitfinex', 'okx'], categories: ['exchange'] },
  { id: 'analytics', name: 'Analytics Pool', strategy: 'priority', seedMembers: ['coinmetrics', 'messari', 'glassnode'], categories: ['analytics'] },
];

/** The seed pools over the given catalog; pools left with no member are omitted. */
export function seedPools(providers: readonly ProviderSpec[]): PoolConfigInput[] {
  const byId = new Map(providers.map((p) => [p.id, p]));
  return SEED_POOLS.flatMap((pool) => {
    const seeded = pool.seedMembers.filter((id) => byId.has(id));
    const rest = providers.filter((p) => pool.categories.includes(p.category) && !seeded.includes(p.id)).map((p) => p.id);
    const members = [...seeded, ...rest].map((provider) => ({ provider }));
    return members.length === 0 ? [] : [{ id: pool.id, name: pool.name, strategy: pool.strategy, members }];
  });
}
