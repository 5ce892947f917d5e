import { Hono } from 'hono';
import { CATEGORIES, TIERS, type Engine } from '../../shared/engine';
import { isAvailable, keyLabels, totals } from '../../shared/api/views';

export interface HierarchyOptions {
	engine: Engine;
	now: () => number;
}

/** Success rate under which an available provider counts as degraded. */
const DEGRADED_BELOW = 0.9;

/** `/api/hierarchy/…`: providers by tier (the order the engine tries them), use, health, breakers. */
export function hierarchyRoutes({ engine, now }: HierarchyOptions) {
	return new Hono()
		.get('/api/hierarchy/overview', (c) => {
			const t = now();
			const rts = engine.runtimes();
			const tiers = TIERS.map((tier) => {
				const inTier = rts.filter((rt) => rt.spec.tier === tier);
				return { tier, total: inTier.length, available: inTier.filter((rt) => isAvailable(rt, t)).length, providers: inTier.map((rt) => rt.spec.id) };
			});
			const categories = CATEGORIES.map((category) => {
				const inCat = rts.filter((rt) => rt.spec.category === category);
				return { category, total: inCat.length, available: inCat.filter((rt) => isAvailable(rt, t)).length };
			}).filter((x) => x.total > 0);
			return c.json({ tiers, categories, total: rts.length }, 200);
		})
		.get('/api/hierarchy/usage-stats', (c) => {
			const providers = engine.runtimes().map((rt) => ({
				provider: rt.spec.id,
				tier: rt.spec.tier,
				requests: totals(rt).requests,
				usedThisWindow: rt.live.used,
				inflight: rt.live.inflight,
				quota: keyLabels(rt).map((key) => {
					const left = rt.limiter.remaining(key);
					return { key, remaining: Number.isFinite(left) ? left : null };
				})
			}));
			return c.json({ providers }, 200);
		})
		.get('/api/hierarchy/health', (c) => {
			const t = now();
			const providers = engine.runtimes().map((rt) => {
				const { requests, successes } = totals(rt);
				const successRate = requests === 0 ? 1 : successes / requests;
				const health = !isAvailable(rt, t) ? ('down' as const) : successRate < DEGRADED_BELOW || rt.breaker.state === 'half_open' ? ('degraded' as const) : ('healthy' as const);
				return { provider: rt.spec.id, tier: rt.spec.tier, health, successRate, state: rt.breaker.state };
			});
			const count = (h: string) => providers.filter((p) => p.health === h).length;
			return c.json({ healthy: count('healthy'), degraded: count('degraded'), down: count('down'), providers }, 200);
		})
		.get('/api/hierarchy/circuit-breakers', (c) => {
			const breakers = engine.runtimes().map((rt) => {
				const snap = rt.breaker.toJSON();
				const endpoints: Record<string, typeof snap.state> = {};
				for (const [cap, b] of rt.endpoints) if (b.state !== 'closed') endpoints[cap] = b.state;
				return { provider: rt.spec.id, state: snap.state, trips: snap.trips, openUntil: snap.openUntil, endpoints };
			});
			const open = breakers.filter((b) => b.state !== 'closed' || Object.keys(b.endpoints).length > 0).length;
			return c.json({ breakers, open }, 200);
		});
}
