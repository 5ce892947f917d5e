import { Hono } from 'hono';
import { ExportQuery } from '../../shared/api/rest';
import type { Engine } from '../../shared/engine';
import type { Capability } from '../../shared/model';
import { validate } from '../middleware/validate';
import { cacheView, providerCounts, requestTotals, totals } from '../../shared/api/views';

export interface StatusOptions {
	engine: Engine;
	startedAt: number;
	version: string;
	now: () => number;
}

const CSV_COLUMNS = ['provider', 'capability', 'requests', 'successes', 'successRate', 'p50', 'p95', 'p99', 'ewma', 'state'] as const;

/** Cells never start a formula in a spreadsheet, and quotes are doubled. */
const csvCell = (v: string | number): string => {
	const s = String(v);
	const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
	return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** `/api/status`, `/api/stats`, `/api/stats/export`: what the engine has seen, never invented. */
export function statusRoutes({ engine, startedAt, version, now }: StatusOptions) {
	const rows = () =>
		engine.runtimes().flatMap((rt) =>
			[...rt.stats].map(([capability, s]) => ({
				provider: rt.spec.id,
				capability,
				requests: s.requests,
				successes: s.successes,
				successRate: s.successRate(),
				p50: s.p50(),
				p95: s.p95(),
				p99: s.p99(),
				ewma: s.ewmaLatencyMs(),
				state: rt.endpoints.get(capability)?.state ?? rt.breaker.state
			}))
		);

	return new Hono()
		.get('/api/status', (c) => {
			const t = now();
			const providers = providerCounts(engine, t);
			return c.json(
				{
					status: providers.available > 0 ? ('ok' as const) : ('degraded' as const),
					version,
					uptimeSeconds: Math.max(0, Math.floor((t - startedAt) / 1000)),
					providers,
					pools: engine.pools().length,
					capabilities: new Set(engine.runtimes().flatMap((rt) => [...rt.endpoints.keys()])).size,
					cache: cacheView(engine),
					requests: requestTotals(engine)
				},
				200
			);
		})
		.get('/api/stats', (c) => {
			const byCap = new Map<Capability, { requests: number; successes: number; providers: number }>();
			for (const rt of engine.runtimes()) {
				for (const [cap, s] of rt.stats) {
					const agg = byCap.get(cap) ?? { requests: 0, successes: 0, providers: 0 };
					agg.requests += s.requests;
					agg.successes += s.successes;
					agg.providers++;
					byCap.set(cap, agg);
				}
			}
			const rate = (ok: number, n: number) => (n === 0 ? 1 : ok / n);
			return c.json(
				{
					// The contract (StatsBody) names the count `requests`, as byCapability and byProvider do.
					totals: (({ total, ...rest }) => ({ requests: total, ...rest }))(requestTotals(engine)),
					cache: cacheView(engine),
					byCapability: [...byCap].map(([capability, a]) => ({ capability, ...a, successRate: rate(a.successes, a.requests) })),
					byProvider: engine
						.runtimes()
						.map((rt) => ({ provider: rt.spec.id, t: totals(rt) }))
						.filter(({ t }) => t.requests > 0)
						.map(({ provider, t }) => ({ provider, requests: t.requests, successes: t.successes, successRate: rate(t.successes, t.requests), p95: t.p95 }))
				},
				200
			);
		})
		.get('/api/stats/export', validate('query', ExportQuery), (c) => {
			const { format } = c.req.valid('query');
			const data = rows();
			if (format === 'csv') {
				const lines = [CSV_COLUMNS.join(','), ...data.map((r) => CSV_COLUMNS.map((k) => csvCell(r[k])).join(','))];
				c.header('Content-Disposition', 'attachment; filename="crypto-monitor-stats.csv"');
				return c.body(`${lines.join('\n')}\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
			}
			return c.json({ generatedAt: now(), rows: data }, 200);
		});
}
