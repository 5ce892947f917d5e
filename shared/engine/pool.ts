import { z } from 'zod';
import { CAPABILITY_IDS, type Capability } from '../model';
import { TIERS, type Tier } from './adapter';
import type { Random } from './ports';
import { createSelector, STRATEGIES, type Live, type Member, type Selector, type Tried } from './strategies';

export const PoolMemberConfig = z.object({
  provider: z.string().min(1).max(64),
  /** Relative share for `weighted`; default 1 (or the provider's declared weight). */
  weight: z.number().positive().max(1000).optional(),
  /** Lower first for `priority`; default: declaration order. */
  priority: z.number().int().min(0).max(10_000).optional(),
  /** Overrides the provider's declared tier inside this pool. */
  tier: z.enum(TIERS).optional(),
});
export type PoolMemberConfig = z.infer<typeof PoolMemberConfig>;

export const PoolConfig = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a pool id is lower-case letters, digits and dashes'),
  name: z.string().min(1).max(100),
  /** Capabilities this pool serves; empty means every capability its members offer. */
  capabilities: z.array(z.enum(CAPABILITY_IDS as [Capability, ...Capability[]])).default([]),
  strategy: z.enum(STRATEGIES).default('round_robin'),
  members: z.array(PoolMemberConfig).max(500),
  /** Start the next candidate when the current one is slower than its p95. Default off. */
  hedge: z.boolean().default(false),
  /** Real attempts per request at most (skipped candidates do not count). Default 10. */
  maxAlternatives: z.number().int().min(1).max(50).default(10),
});
export type PoolConfig = z.infer<typeof PoolConfig>;
export type PoolConfigInput = z.input<typeof PoolConfig>;

export interface MemberRuntime {
  readonly tier: Tier;
  readonly declaredWeight: number;
  readonly live: Live;
  /** The endpoint breaker for a capability, or undefined when the provider does not offer it. */
  endpoint(capability: Capability): { readonly blockedUntil: number } | undefined;
}

/** One capability's candidates in one pool: a selector per tier, tried in tier order. */
export class View {
  readonly #tiers: Selector[] = [];
  readonly #members: Member[][] = [];

  constructor(members: Member[], tiers: Tier[], config: PoolConfig, random: Random) {
    for (const tier of TIERS) {
      const inTier = members.filter((_, i) => tiers[i] === tier);
      if (inTier.length === 0) continue;
      this.#members.push(inTier);
      this.#tiers.push(createSelector(config.strategy, inTier, random));
    }
  }

  pick(now: number, tried: Tried): Member | undefined {
    for (let t = 0; t < this.#tiers.length; t++) {
      const i = (this.#tiers[t] as Selector).pick(now, tried);
      if (i >= 0) return (this.#members[t] as Member[])[i];
    }
    return undefined;
  }

  find(id: string): Member | undefined {
    for (const ms of this.#members) for (const m of ms) if (m.id === id) return m;
    return undefined;
  }

  get size(): number {
    return this.#members.reduce((n, ms) => n + ms.length, 0);
  }
}

/** A pool: members, a strategy and a view per capability, built lazily. */
export class Pool {
  readonly #views = new Map<Capability, View>();
  /** Manual rotation pushes a member behind the others; kept as extra priority. */
  readonly #demoted = new Map<string, number>();

  constructor(
    public config: PoolConfig,
    private readonly runtime: (provider: string) => MemberRuntime | undefined,
    private readonly random: Random,
  ) {}

  serves(capability: Capability): boolean {
    return this.config.capabilities.length === 0 || this.config.capabilities.includes(capability);
  }

  view(capability: Capability): View {
    let v = this.#views.get(capability);
    if (!v) {
      const members: Member[] = [];
      const tiers: Tier[] = [];
      this.config.members.forEach((mc, order) => {
        const rt = this.runtime(mc.provider);
        const endpoint = rt?.endpoint(capability);
        if (!rt || !endpoint) return;
        members.push({
          id: mc.provider,
          priority: (mc.priority ?? order) + (this.#demoted.get(mc.provider) ?? 0),
          weight: mc.weight ?? rt.declaredWeight,
          live: rt.live,
          endpoint,
        });
        tiers.push(mc.tier ?? rt.tier);
      });
      v = new View(members, tiers, this.config, this.random);
      this.#views.set(capability, v);
    }
    return v;
  }

  /** Rebuild views after members, strategy or providers change. */
  invalidate(config: PoolConfig = this.config): void {
    this.config = config;
    this.#views.clear();
  }

  /**
   * Manual rotation: under `priority` the given member goes behind every other one until the
   * next rotation. The other strategies rotate by themselves; their views (and cursors) stay.
   */
  demote(provider: string): void {
    if (this.config.strategy !== 'priority') return;
    const max = this.config.members.reduce((m, x, i) => Math.max(m, x.priority ?? i), 0);
    this.#demoted.clear();
    this.#demoted.set(provider, max + 1);
    this.#views.clear();
  }
}
