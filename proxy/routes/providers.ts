import { Hono } from 'hono';
import { BreakerParams, BreakerQuery, CategoryParams, HealthCheckQuery, ProviderParams, ProvidersQuery } from '../../shared/api/rest';
import { probe } from '../../shared/api/probe';
import type { Engine } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import { providerDetail, providerView } from '../../shared/api/views';

export interface ProvidersOptions {
	engine: Engine;
	adminToken: string;
	now: () => number;
}

const notFound = (id: string) => ({ error: `no provider '${id}'` });

/** `/api/providers…`: the catalog with live state, one provider's detail, probes and breaker controls. */
export function providerRoutes({ engine, adminToken, now }: ProvidersOptions) {
	const admin = adminOnly({ token: adminToken });
	return new Hono()
		.get('/api/providers', validate('query', ProvidersQuery), (c) => {
			const { capability, category } = c.req.valid('query');
			const t = now();
			const providers = engine
				.runtimes()
				.filter((rt) => (!category || rt.spec.category === category) && (!capability || rt.endpoints.has(capability)))
				.map((rt) => providerView(rt, t));
			return c.json({ providers, total: providers.length }, 200);
		})
		.get('/api/providers/category/:category', validate('param', CategoryParams), (c) => {
			const { category } = c.req.valid('param');
			const t = now();
			const providers = engine
				.runtimes()
				.filter((rt) => rt.spec.category === category)
				.map((rt) => providerView(rt, t));
			return c.json({ providers, total: providers.length }, 200);
		})
		.get('/api/providers/:id', validate('param', ProviderParams), (c) => {
			const { id } = c.req.valid('param');
			const rt = engine.runtime(id);
			if (!rt) return c.json(notFound(id), 404);
			return c.json(providerDetail(rt, now()), 200);
		})
		.get('/api/providers/:id/health-check', validate('param', ProviderParams), validate('query', HealthCheckQuery), async (c) => {
			const { id } = c.req.valid('param');
			const rt = engine.runtime(id);
			if (!rt) return c.json(notFound(id), 404);
			const asked = c.req.valid('query').capability;
			if (asked && !rt.endpoints.has(asked)) return c.json({ error: `provider '${id}' does not offer ${asked}` }, 400);
			if (rt.missingKey) return c.json({ error: `provider '${id}' needs an API key that is not configured` }, 409);
			const capability = asked ?? [...rt.endpoints.keys()][0];
			if (!capability) return c.json({ error: `provider '${id}' offers no capability to probe` }, 409);
			c.header('Cache-Control', 'no-store');
			return c.json(await probe(engine, rt, capability, now), 200);
		})
		.post('/api/providers/:id/breaker/:action', admin, validate('param', BreakerParams), validate('query', BreakerQuery), (c) => {
			const { id, action } = c.req.valid('param');
			const { capability } = c.req.valid('query');
			const rt = engine.runtime(id);
			if (!rt) return c.json(notFound(id), 404);
			const breaker = capability ? rt.endpoints.get(capability) : rt.breaker;
			if (!breaker) return c.json({ error: `provider '${id}' does not offer ${capability}` }, 400);
			if (action === 'reset') breaker.reset();
			else if (action === 'open') breaker.forceOpen();
			else if (action === 'disable') breaker.disable();
			else breaker.enable();
			return c.json({ provider: id, capability: capability ?? null, action, state: breaker.state }, 200);
		})
		.delete('/api/providers/:id/breaker', admin, validate('param', ProviderParams), validate('query', BreakerQuery), (c) => {
			const { id } = c.req.valid('param');
			const { capability } = c.req.valid('query');
			const rt = engine.runtime(id);
			if (!rt) return c.json(notFound(id), 404);
			const breaker = capability ? rt.endpoints.get(capability) : rt.breaker;
			if (!breaker) return c.json({ error: `provider '${id}' does not offer ${capability}` }, 400);
			breaker.reset();
			return c.json({ provider: id, capability: capability ?? null, action: 'reset', state: breaker.state }, 200);
		});
}
