import type { Capability } from '../model';
import { Pool, PoolConfig, type MemberRuntime, type PoolConfigInput } from './pool';
import type { Random } from './ports';
import type { Strategy } from './strategies';

export interface RotationRecord {
  readonly pool: string;
  readonly capability: Capability;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly at: number;
}

/** Rotations kept for the history view. */
const HISTORY_LIMIT = 500;

export const defaultPoolId = (capability: Capability): string => `default-${capability}`;

/**
 * The engine's pools: named ones, a default pool per capability (every provider offering it),
 * derived pools for a per-request strategy, and the rotation history (which source answered
 * last for each pool and capability, and every change of it).
 */
export class PoolSet {
  readonly #pools = new Map<string, Pool>();
  readonly #derived = new Map<string, Pool>();
  /** Last source per pool, then per capability (nested so the hot path builds no key string). */
  readonly #lastSource = new Map<string, Map<Capability, string>>();
  /** Default pools by capability, a shortcut past the id string; cleared whenever #pools changes. */
  readonly #defaults = new Map<Capability, Pool>();
  readonly #history: RotationRecord[] = [];

  constructor(
    private readonly runtime: (provider: string) => MemberRuntime | undefined,
    private readonly offering: (capability: Capability) => string[],
    private readonly random: Random,
    private readonly onRotation: (r: RotationRecord) => void,
  ) {}

  /** The pool for a request: the named one (or the capability's default), with a strategy override. */
  for(capability: Capability, pool?: string, strategy?: Strategy): Pool | undefined {
    const base = pool ? this.#pools.get(pool) : this.default(capability);
    if (!base || !base.serves(capability)) return undefined;
    if (!strategy || strategy === base.config.strategy) return base;
    const k = `${base.config.id}:${strategy}`;
    let derived = this.#derived.get(k);
    if (!derived) {
      derived = new Pool({ ...base.config, strategy }, this.runtime, this.random);
      this.#derived.set(k, derived);
    }
    return derived;
  }

  default(capability: Capability): Pool {
    const known = this.#defaults.get(capability);
    if (known) return known;
    const id = defaultPoolId(capability);
    let pool = this.#pools.get(id);
    if (!pool) {
      const members = this.offering(capability).map((provider) => ({ provider }));
      pool = new Pool(PoolConfig.parse({ id, name: `Default ${capability}`, capabilities: [capability], members }), this.runtime, this.random);
      this.#pools.set(id, pool);
    }
    this.#defaults.set(capability, pool);
    return pool;
  }

  upsert(input: PoolConfigInput): PoolConfig {
    const config = PoolConfig.parse(input);
    const existing = this.#pools.get(config.id);
    if (existing) existing.invalidate(config);
    else this.#pools.set(config.id, new Pool(config, this.runtime, this.random));
    this.#derived.clear();
    this.#defaults.clear();
    return config;
  }

  remove(id: string): boolean {
    this.#derived.clear();
    this.#defaults.clear();
    return this.#pools.delete(id);
  }

  list(): PoolConfig[] {
    return [...this.#pools.values()].map((p) => p.config);
  }

  /** After providers change: default pools are rebuilt on next use, named ones re-resolve members. */
  providersChanged(): void {
    for (const [id, pool] of this.#pools) {
      if (id.startsWith('default-')) this.#pools.delete(id);
      else pool.invalidate();
    }
    this.#derived.clear();
    this.#defaults.clear();
  }

  /** Note who answered; a change of source is a rotation (failover when earlier attempts failed). */
  answered(poolId: string, capability: Capability, source: string, failover: boolean, at: number): void {
    let sources = this.#lastSource.get(poolId);
    if (!sources) this.#lastSource.set(poolId, (sources = new Map()));
    const last = sources.get(capability);
    if (last === source) return;
    sources.set(capability, source);
    if (last !== undefined) this.#record({ pool: poolId, capability, from: last, to: source, reason: failover ? 'failover' : 'strategy', at });
  }

  /** Manual rotation: the pool's current source for the capability steps back. */
  rotate(poolId: string, capability: Capability, now: number): RotationRecord | undefined {
    const pool = this.#pools.get(poolId);
    const from = this.#lastSource.get(poolId)?.get(capability);
    if (!pool || !from) return undefined;
    pool.demote(from);
    const view = pool.view(capability);
    const current = view.find(from);
    const next = view.pick(now, current ? [current] : []);
    const record: RotationRecord = { pool: poolId, capability, from, to: next?.id ?? from, reason: 'manual', at: now };
    // The rotation is recorded here; the next answer from `to` is not a second one.
    let sources = this.#lastSource.get(poolId);
    if (!sources) this.#lastSource.set(poolId, (sources = new Map()));
    sources.set(capability, record.to);
    this.#record(record);
    return record;
  }

  history(): readonly RotationRecord[] {
    return this.#history;
  }

  #record(r: RotationRecord): void {
    this.#history.push(r);
    if (this.#history.length > HISTORY_LIMIT) this.#history.splice(0, this.#history.length - HISTORY_LIMIT);
    this.onRotation(r);
  }
}
