import { Hono } from 'hono';
import { BreakerParams, BreakerQuery, CategoryParams, HealthCheckQuery, PROBE_POOL_PREFIX, ProviderParams, ProvidersQuery } from '../../shared/api/rest';
import type { Engine, ProviderRuntime } from '../../shared/engine';
import { CHAINS, type Capability, type ParamsInput } from '../../shared/model';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import { providerDetail, providerView } from '../../shared/api/views';

export interface ProvidersOptions {
	engine: Engine;
	adminToken: string;
	now: () => number;
}

/** Params a probe sends for each capability: the commonest request, so a cache or recording exists. */
const PROBE_PARAMS: { [C in Capability]: ParamsInput<C> } = {
	price: { symbols: ['BTC'] },
	markets: { limit: 10 },
	global: {},
	trending: {},
	ohlcv: { symbol: 'BTC' },
	ticker: {},
	orderbook: {},
	trades: {},
	'fear-greed': { limit: 1 },
	news: {},
	social: {},
	'text-sentiment': { texts: ['Bitcoin is going up'] },
	gas: {},
	balance: { address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
	transactions: { address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
	'block-height': {},
	'token-info': { address: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
	'tvl-protocols': {},
	'tvl-chains': {},
	'nft-collection': { slug: 'boredapeyachtclub' },
	'whale-transfers': {}
};
/** Capabilities whose params name a chain: a chain-specific provider is probed on a chain it serves. */
const CHAIN_CAPS: ReadonlySet<Capability> = new Set(['gas', 'block-height', 'balance', 'transactions', 'token-info']);

const notFound = (id: string) => ({ error: `no provider '${id}'` });

/** Runs one probe of `rt` through the engine (its own one-member pool, cache bypassed). */
async function probe(engine: Engine, rt: ProviderRuntime, capability: Capability, now: () => number) {
	const poolId = `${PROBE_POOL_PREFIX}${rt.spec.id}`.slice(0, 64);
	engine.upsertPool({ id: poolId, name: `Probe ${rt.spec.id}`, capabilities: [capability], strategy: 'priority', members: [{ provider: rt.spec.id }], maxAlternatives: 1 });
	try {
		const chains = CHAIN_CAPS.has(capability) ? CHAINS : [undefined];
		let last: { ok: boolean; outcome: string; message: string | null; latencyMs: number } | undefined;
		for (const chain of chains) {
			const params = { ...PROBE_PARAMS[capability], ...(chain ? { chain } : {}) } as ParamsInput<typeof capability>;
			const answer = await engine.get(capability, params, { pool: poolId, fresh: true });
			const attempt = answer.attempts[answer.attempts.length - 1];
			last = {
				ok: answer.ok && !answer.stale && answer.source === rt.spec.id,
				outcome: attempt?.outcome ?? (answer.ok ? 'ok' : answer.code),
				message: answer.ok ? null : (attempt?.message ?? answer.message),
				latencyMs: attempt?.latencyMs ?? 0
			};
			if (last.outcome !== 'unsupported') break;
		}
		return { provider: rt.spec.id, capability, ...(last ?? { ok: false, outcome: 'unsupported', message: null, latencyMs: 0 }), state: rt.breaker.state, at: now() };
	} finally {
		engine.removePool(poolId);
	}
}

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
