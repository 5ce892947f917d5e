import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { BreakerState, Engine } from '../shared/engine';

/** Latency buckets in seconds (Prometheus convention). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2, forced_open: 3, disabled: 4 };

interface Series {
	count: number;
	sum: number;
	buckets: number[];
}

/** Escapes a label value for the text format. */
const label = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const num = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : '-Inf');

/**
 * The proxy's HTTP metrics, labelled by route *pattern* (so ids in paths cannot blow up the
 * series count), plus engine state read at scrape time.
 */
export class Metrics {
	readonly #requests = new Map<string, number>();
	readonly #latency = new Map<string, Series>();
	#fastReads = 0;

	/** Counts a finished request; `route` is the matched pattern (`/api/providers/:id`). */
	observe(method: string, route: string, status: number, seconds: number): void {
		const key = `${method}\u0000${route}`;
		const reqKey = `${key}\u0000${status}`;
		this.#requests.set(reqKey, (this.#requests.get(reqKey) ?? 0) + 1);
		let s = this.#latency.get(key);
		if (!s) this.#latency.set(key, (s = { count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) }));
		s.count++;
		s.sum += seconds;
		for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= (LATENCY_BUCKETS[i] as number)) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
	}

	/** Counts a data read answered before the framework (proxy/fast-reads.ts); `observe` counts it too. */
	fastRead(): void {
		this.#fastReads++;
	}

	/** Middleware that observes every request it wraps. */
	middleware(now: () => number = () => performance.now()): MiddlewareHandler {
		return async (c, next) => {
			const start = now();
			await next();
			const matched = routePath(c);
			// Catch-all middleware patterns are not routes: a 404 there matched nothing.
			const route = c.res.status === 404 && matched.endsWith('*') ? 'unmatched' : matched;
			this.observe(c.req.method, route, c.res.status, (now() - start) / 1000);
		};
	}

	render({ engine, wsSessions }: { engine?: Engine; wsSessions?: () => number }): string {
		const out: string[] = [];
		out.push('# HELP cm_http_requests_total HTTP requests by method, route and status.', '# TYPE cm_http_requests_total counter');
		for (const [k, n] of this.#requests) {
			const [method = '', route = '', status = ''] = k.split('\u0000');
			out.push(`cm_http_requests_total{method="${label(method)}",route="${label(route)}",status="${status}"} ${n}`);
		}
		out.push('# HELP cm_http_request_duration_seconds HTTP request latency.', '# TYPE cm_http_request_duration_seconds histogram');
		for (const [k, s] of this.#latency) {
			const [method = '', route = ''] = k.split('\u0000');
			const l = `method="${label(method)}",route="${label(route)}"`;
			LATENCY_BUCKETS.forEach((b, i) => out.push(`cm_http_request_duration_seconds_bucket{${l},le="${b}"} ${s.buckets[i] ?? 0}`));
			out.push(`cm_http_request_duration_seconds_bucket{${l},le="+Inf"} ${s.count}`);
			out.push(`cm_http_request_duration_seconds_sum{${l}} ${s.sum}`, `cm_http_request_duration_seconds_count{${l}} ${s.count}`);
		}
		out.push('# HELP cm_http_fast_reads_total Data reads answered from answer bytes before the framework (also in cm_http_requests_total).', '# TYPE cm_http_fast_reads_total counter', `cm_http_fast_reads_total ${this.#fastReads}`);
		if (engine) out.push(...engineMetrics(engine));
		if (wsSessions) {
			out.push('# HELP cm_ws_sessions Open WebSocket sessions.', '# TYPE cm_ws_sessions gauge', `cm_ws_sessions ${wsSessions()}`);
		}
		return `${out.join('\n')}\n`;
	}
}

function engineMetrics(engine: Engine): string[] {
	const out: string[] = [];
	const rts = engine.runtimes();
	out.push('# HELP cm_breaker_state Provider breaker: 0 closed, 1 half-open, 2 open, 3 forced open, 4 disabled.', '# TYPE cm_breaker_state gauge');
	for (const rt of rts) out.push(`cm_breaker_state{provider="${label(rt.spec.id)}"} ${BREAKER_VALUE[rt.breaker.state]}`);
	out.push('# HELP cm_quota_remaining Calls left in the tightest window, per provider and key label.', '# TYPE cm_quota_remaining gauge');
	for (const rt of rts) {
		rt.keys.forEach((key, i) => {
			const keyLabel = key ? `key${i + 1}` : 'anonymous';
			out.push(`cm_quota_remaining{provider="${label(rt.spec.id)}",key="${keyLabel}"} ${num(rt.limiter.remaining(keyLabel))}`);
		});
	}
	out.push('# HELP cm_upstream_requests_total Upstream calls by provider, capability and outcome.', '# TYPE cm_upstream_requests_total counter');
	for (const rt of rts) {
		for (const [cap, s] of rt.stats) {
			if (s.requests === 0) continue;
			const l = `provider="${label(rt.spec.id)}",capability="${cap}"`;
			out.push(`cm_upstream_requests_total{${l},outcome="ok"} ${s.successes}`, `cm_upstream_requests_total{${l},outcome="error"} ${s.requests - s.successes}`);
		}
	}
	const { hits, misses, size } = engine.cache;
	out.push('# HELP cm_cache_hits_total Engine cache hits.', '# TYPE cm_cache_hits_total counter', `cm_cache_hits_total ${hits}`);
	out.push('# HELP cm_cache_misses_total Engine cache misses.', '# TYPE cm_cache_misses_total counter', `cm_cache_misses_total ${misses}`);
	out.push('# HELP cm_cache_entries Engine cache entries.', '# TYPE cm_cache_entries gauge', `cm_cache_entries ${size}`);
	return out;
}
