import { TIERS, type Tier } from '../../shared/engine/adapter';
import { Pool, PoolConfig } from '../../shared/engine/pool';
import { SeededRandom, systemRandom, type Random } from '../../shared/engine/ports';
import { STRATEGIES, type Live, type Strategy } from '../../shared/engine/strategies';
import { line, opsPerSecond, type BenchLine } from './harness';

interface Candidate {
  id: string;
  tier: number;
  priority: number;
  weight: number;
  live: Live;
  lastUsed: number;
}

/** n members over three tiers, one in ten with an open breaker, varied latency and load. */
function members(n: number, random: SeededRandom): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    tier: i % 3,
    priority: i,
    weight: 1 + (i % 4),
    live: { breaker: { blockedUntil: i % 10 === 3 ? Infinity : 0 }, coolUntil: 0, inflight: i % 3, used: Math.floor(random.next() * 50), latency: 50 + random.next() * 400 },
    lastUsed: i,
  }));
}

/**
 * What the older Python system did on every request: filter the available providers, then sort
 * them by the strategy's key (or draw from the filtered list), and take the first.
 */
function baseline(strategy: Strategy, list: Candidate[], random: Random): () => string | undefined {
  let clock = 0;
  return () => {
    const now = ++clock;
    const available = list.filter((m) => m.live.breaker.blockedUntil <= now && m.live.coolUntil <= now);
    let pick: Candidate | undefined;
    switch (strategy) {
      case 'round_robin':
        pick = available.sort((a, b) => a.tier - b.tier || a.lastUsed - b.lastUsed)[0];
        if (pick) pick.lastUsed = now + list.length;
        break;
      case 'priority':
        pick = available.sort((a, b) => a.tier - b.tier || a.priority - b.priority)[0];
        break;
      case 'weighted': {
        const sorted = available.sort((a, b) => a.tier - b.tier);
        const top = sorted.filter((m) => m.tier === sorted[0]?.tier);
        let r = random.next() * top.reduce((s, m) => s + m.weight, 0);
        pick = top.find((m) => (r -= m.weight) < 0) ?? top[top.length - 1];
        break;
      }
      case 'least_used':
        pick = available.sort((a, b) => a.tier - b.tier || a.live.used + a.live.inflight - (b.live.used + b.live.inflight))[0];
        break;
      case 'fastest':
        pick = available.sort((a, b) => a.tier - b.tier || a.live.latency - b.live.latency)[0];
        break;
      case 'p2c': {
        const sorted = available.sort((a, b) => a.tier - b.tier);
        const top = sorted.filter((m) => m.tier === sorted[0]?.tier);
        const x = top[Math.floor(random.next() * top.length)];
        const y = top[Math.floor(random.next() * top.length)];
        pick = x && y && x.live.latency * (x.live.inflight + 1) > y.live.latency * (y.live.inflight + 1) ? y : x;
        break;
      }
    }
    return pick?.id;
  };
}

/** Selections per second of the engine's pool view (the router's call) against the filter-and-sort baseline. */
export function benchSelect(sizes: readonly number[] = [5, 20, 137]): BenchLine[] {
  const out: BenchLine[] = [];
  for (const n of sizes) {
    for (const strategy of STRATEGIES) {
      // The engine's random port as the product wires it (Math.random); the member data itself is seeded.
      const random = systemRandom;
      const seeded = new SeededRandom(n);
      const list = members(n, seeded);
      const byId = new Map(list.map((m) => [m.id, m]));
      const config = PoolConfig.parse({ id: 'bench', name: 'Bench', strategy, members: list.map((m) => ({ provider: m.id, priority: m.priority, weight: m.weight })) });
      const pool = new Pool(
        config,
        (id) => {
          const m = byId.get(id);
          return m && { tier: TIERS[m.tier] as Tier, declaredWeight: m.weight, live: m.live, endpoint: () => ({ blockedUntil: 0 }) };
        },
        random,
      );
      const view = pool.view('price');
      let now = 1;
      const engine = opsPerSecond(() => view.pick(now++, []));
      const base = opsPerSecond(baseline(strategy, list, random));
      out.push(line(`select.${strategy}.${n}`, engine, 'ops/s', base));
    }
  }
  return out;
}
