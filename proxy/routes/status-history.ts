import { Hono } from 'hono';
import { PoolParams, PROBE_POOL_PREFIX, ProviderParams } from '../../shared/api/rest';
import { poolStatusHistory, providerStatusHistory, statusIndex } from '../../shared/api/status-view';
import type { Engine } from '../../shared/engine';
import { validate } from '../middleware/validate';
import { historySource, recorderOf } from '../status-history';
import { incidentView } from '../../shared/api/incidents';
import { STATUS_PAGE_CSP, statusPage } from '../status-page';

const PAGE_TTL_MS = 5_000;

export interface StatusHistoryOptions {
	engine: Engine;
	now: () => number;
}

/** `/api/status/…`: the public status history of every provider and pool (uptime, response time, incidents). */
export function statusHistoryRoutes({ engine, now }: StatusHistoryOptions) {
	// The recorder the server started for this engine (persisted), looked up per request as it may start after the routes.
	const source = () => historySource(recorderOf(engine, now));
	let page: { at: number; html: string } | undefined;
	return new Hono()
		.get('/api/status/index', async (c) => {
			const recorder = recorderOf(engine, now);
			await recorder.flush();
			return c.json(statusIndex(engine, recorder.tracker.openIncidents(), now()), 200);
		})
		.get('/status.html', async (c) => {
			// Outside /api, so not under the per-IP limit: rendered at most once per PAGE_TTL_MS whoever asks.
			const t = now();
			if (!page || t - page.at >= PAGE_TTL_MS || t < page.at) {
				const recorder = recorderOf(engine, now);
				await recorder.flush();
				const incidents = (await recorder.incidents.list({ since: t - 30 * 86_400_000, limit: 200 })).map((r) => incidentView(r, t));
				page = { at: t, html: statusPage(statusIndex(engine, recorder.tracker.openIncidents(), t), incidents) };
			}
			c.header('Content-Security-Policy', STATUS_PAGE_CSP);
			c.header('Cache-Control', 'public, max-age=5');
			return c.html(page.html, 200);
		})
		.get('/api/status/providers/:id', validate('param', ProviderParams), async (c) => {
			const { id } = c.req.valid('param');
			const rt = engine.runtime(id);
			if (!rt) return c.json({ error: `no provider '${id}'` }, 404);
			return c.json(await providerStatusHistory(rt, source(), now()), 200);
		})
		.get('/api/status/pools/:id', validate('param', PoolParams), async (c) => {
			const { id } = c.req.valid('param');
			const pool = id.startsWith(PROBE_POOL_PREFIX) ? undefined : engine.pools().find((p) => p.id === id);
			if (!pool) return c.json({ error: `no pool '${id}'` }, 404);
			return c.json(await poolStatusHistory(engine, pool, source(), now()), 200);
		});
}
