import { Hono, type Context } from 'hono';
import { AcceptBody, CandidateParams, ReportQuery } from '../../shared/api/discovery';
import type { Discovery } from '../discovery';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';

export interface DiscoveryRoutesOptions {
	/** Absent when the proxy runs without a database: every route answers 503. */
	discovery?: Discovery;
	adminToken: string;
}

const off = (c: Context) => c.json({ error: 'discovery needs the database, and this proxy runs without one' }, 503);

/** `/api/resources/discovery…` and `/api/reports/discovery`: runs, candidates and the admin's decisions. */
export function discoveryRoutes({ discovery, adminToken }: DiscoveryRoutesOptions) {
	const admin = adminOnly({ token: adminToken });
	return new Hono()
		.get('/api/resources/discovery/status', (c) => (discovery ? c.json(discovery.status(), 200) : off(c)))
		.post('/api/resources/discovery/run', admin, (c) => {
			if (!discovery) return off(c);
			const { started, run } = discovery.run();
			if (!started) return c.json({ error: `a discovery run is in progress (${run.probed} of ${run.total} probed); wait for it to finish`, code: 'running' }, 409);
			return c.json({ started: true as const, run }, 202);
		})
		.get('/api/reports/discovery', validate('query', ReportQuery), (c) => {
			if (!discovery) return off(c);
			const runs = discovery.history(c.req.valid('query').limit);
			return c.json({ runs, total: runs.length }, 200);
		})
		.post('/api/resources/discovery/candidates/:id/accept', admin, validate('param', CandidateParams), validate('json', AcceptBody), (c) => {
			if (!discovery) return off(c);
			const result = discovery.accept(c.req.valid('param').id, c.req.valid('json').pool);
			if (!result.ok) return c.json({ error: result.error }, result.status);
			return c.json({ candidate: result.candidate, provider: result.provider ?? '', pool: result.pool ?? null }, 201);
		})
		.post('/api/resources/discovery/candidates/:id/dismiss', admin, validate('param', CandidateParams), (c) => {
			if (!discovery) return off(c);
			const result = discovery.dismiss(c.req.valid('param').id);
			if (!result.ok) return c.json({ error: result.error }, result.status);
			return c.json({ candidate: result.candidate }, 200);
		});
}
