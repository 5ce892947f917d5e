import type { Capability } from '../model';
import { INTERVAL_MS, type Interval } from '../model';

/**
 * Time-to-live per data kind, in ms. Prices move fast; TVL and fear & greed slowly.
 * OHLCV lives as long as one candle of its interval (capped at 1 h).
 */
export const DEFAULT_TTL_MS: Record<Capability, number> = {
  price: 15_000,
  markets: 60_000,
  global: 60_000,
  trending: 5 * 60_000,
  ohlcv: 60_000,
  ticker: 10_000,
  orderbook: 5_000,
  trades: 10_000,
  'fear-greed': 60 * 60_000,
  news: 5 * 60_000,
  social: 5 * 60_000,
  'text-sentiment': 24 * 60 * 60_000,
  gas: 15_000,
  balance: 30_000,
  transactions: 60_000,
  'block-height': 12_000,
  'token-info': 60 * 60_000,
  'tvl-protocols': 10 * 60_000,
  'tvl-chains': 10 * 60_000,
  'nft-collection': 5 * 60_000,
  'whale-transfers': 60_000,
};

export function ttlFor(capability: Capability, params: object, ttls: Record<Capability, number> = DEFAULT_TTL_MS): number {
  if (capability === 'ohlcv' && 'interval' in params && typeof params.interval === 'string' && Object.hasOwn(INTERVAL_MS, params.interval)) {
    return Math.min(INTERVAL_MS[params.interval as Interval], 60 * 60_000);
  }
  return ttls[capability];
}

export interface CacheEntry<T> {
  readonly value: T;
  readonly source: string;
  /** When the answer was fetched. */
  readonly at: number;
  /** Fresh until. */
  readonly expiresAt: number;
  /** Until then an expired entry is still served while a refresh runs in the background. */
  readonly revalidateUntil: number;
}

export interface CacheOptions {
  /** Most entries kept; the least recently used go first. Default 2,000. */
  maxEntries: number;
  /** How long past expiry an entry may still be served stale (revalidate or error). Default 24 h. */
  staleForMs: number;
}

export const DEFAULT_CACHE: CacheOptions = { maxEntries: 2_000, staleForMs: 24 * 60 * 60_000 };

export type Lookup<T> =
  | { readonly state: 'fresh'; readonly entry: CacheEntry<T> }
  | { readonly state: 'revalidate'; readonly entry: CacheEntry<T> }
  | { readonly state: 'stale'; readonly entry: CacheEntry<T> }
  | { readonly state: 'miss' };

const MISS = { state: 'miss' } as const;

/** LRU cache with TTL, stale-while-revalidate / stale-if-error windows, prefix invalidation and counters. */
export class ResponseCache {
  readonly #map = new Map<string, CacheEntry<unknown>>();
  readonly #opts: CacheOptions;
  /** The most recently inserted key (the Map's last); re-setting it needs no reordering. */
  #newest: string | undefined;
  hits = 0;
  misses = 0;
  staleHits = 0;

  constructor(options: Partial<CacheOptions> = {}) {
    this.#opts = { ...DEFAULT_CACHE, ...options };
  }

  get size(): number {
    return this.#map.size;
  }

  lookup<T>(key: string, now: number): Lookup<T> {
    const entry = this.#map.get(key) as CacheEntry<T> | undefined;
    if (!entry) {
      this.misses++;
      return MISS;
    }
    if (now < entry.revalidateUntil) {
      this.hits++;
      // Refresh recency: Map keeps insertion order, so re-insert (unless it is already the newest).
      if (key !== this.#newest) {
        this.#map.delete(key);
        this.#map.set(key, entry);
        this.#newest = key;
      }
      return { state: now < entry.expiresAt ? 'fresh' : 'revalidate', entry };
    }
    if (now < entry.expiresAt + this.#opts.staleForMs) {
      this.staleHits++;
      return { state: 'stale', entry };
    }
    this.#map.delete(key);
    this.misses++;
    return MISS;
  }

  /** Read without counting or touching recency (stale-if-error path). */
  peek<T>(key: string, now: number): CacheEntry<T> | undefined {
    const entry = this.#map.get(key) as CacheEntry<T> | undefined;
    return entry && now < entry.expiresAt + this.#opts.staleForMs ? entry : undefined;
  }

  set<T>(key: string, entry: CacheEntry<T>): void {
    // Overwriting the newest key keeps its place at the end; any other is moved there.
    if (key !== this.#newest) {
      this.#map.delete(key);
      this.#newest = key;
    }
    this.#map.set(key, entry);
    if (this.#map.size > this.#opts.maxEntries) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
  }

  /** Drop every key that starts with `prefix` (e.g. `price:`); returns how many. */
  invalidate(prefix = ''): number {
    let n = 0;
    for (const key of [...this.#map.keys()]) {
      if (key.startsWith(prefix)) {
        this.#map.delete(key);
        n++;
      }
    }
    return n;
  }

  /** Keys, most recently used last (for warming popular keys). */
  keys(): string[] {
    return [...this.#map.keys()];
  }

  counters(): { hits: number; misses: number; staleHits: number; size: number } {
    return { hits: this.hits, misses: this.misses, staleHits: this.staleHits, size: this.#map.size };
  }
}
