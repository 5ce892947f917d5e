import { Hono } from 'hono';
import { RecentQuery } from '../../shared/api/rest';
import type { Engine, EngineEvents } from '../../shared/engine';
import { validate } from '../middleware/validate';
import { cacheView, providerCounts, providerDetail } from '../../shared/api/views';

type RequestEvent = EngineEvents['request'];

/** A bounded ring of the engine's latest upstream requests (the newest overwrite the oldest). */
export class RecentRequests {
	readonly #ring: RequestEvent[] = [];
	#next = 0;

	constructor(
		engine: Engine,
		readonly capacity = 1_000
	) {
		engine.events.on('request', (e) => this.push(e));
	}

	push(e: RequestEvent): void {
		// A copy: the engine may reuse its payload objects.
		const copy: RequestEvent = { ...e };
		if (this.#ring.length < this.capacity) this.#ring.push(copy);
		else this.#ring[this.#next] = copy;
		this.#next = (this.#next + 1) % this.capacity;
	}

	/** Newest first. */
	latest(limit: number): RequestEvent[] {
		const out: RequestEvent[] = [];
		const n = this.#ring.length;
		for (let i = 1; i <= Math.min(limit, n); i++) out.push(this.#ring[(this.#next - i + n) % n] as RequestEvent);
		return out;
	}

	get size(): number {
		return this.#ring.length;
	}
}

export interface MonitoringOptions {
	engine: Engine;
	recent: RecentRequests;
	now: () => number;
	wsSessions?: () => number;
}

/** `/api/monitoring/…`: a summary, every source in detail, and the latest upstream requests. */
export function monitoringRoutes({ engine, recent, now, wsSessions }: MonitoringOptions) {
	return new Hono()
		.get('/api/monitoring/status', (c) => {
			const providers = providerCounts(engine, now());
			const latest = recent.latest(recent.capacity);
			return c.json(
				{
					status: providers.available > 0 ? ('ok' as const) : ('degraded' as const),
					providers,
					recentRequests: latest.length,
					recentFailures: latest.filter((e) => !e.ok).length,
					cache: cacheView(engine),
					wsSessions: wsSessions ? wsSessions() : null
				},
				200
			);
		})
		.get('/api/monitoring/sources/detailed', (c) => {
			const t = now();
			return c.json({ sources: engine.runtimes().map((rt) => providerDetail(rt, t)) }, 200);
		})
		.get('/api/monitoring/requests/recent', validate('query', RecentQuery), (c) => {
			const requests = recent.latest(c.req.valid('query').limit);
			return c.json({ requests, total: recent.size }, 200);
		});
}
