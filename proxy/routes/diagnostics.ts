import { Hono } from 'hono';
import type { z } from 'zod';
import type { Diagnostics } from '../../shared/api/rest';
import type { Engine, Store } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { isAvailable } from '../../shared/api/views';

type Report = z.infer<typeof Diagnostics>;
type Check = Report['checks'][number];

export interface DiagnosticsOptions {
	engine: Engine;
	adminToken: string;
	now: () => number;
	store?: Store;
}

/** How long the store may take to answer before it counts as down, ms. */
export const STORE_TIMEOUT_MS = 2_000;

/** Resolves true when the store answers a read in time. */
export async function storeAnswers(store: Store, timeoutMs = STORE_TIMEOUT_MS): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
	try {
		return await Promise.race([store.get('ready:probe').then(() => true, () => false), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** Local checks only (no upstream calls): pools that could answer, keys, breakers, the store. */
async function runChecks(engine: Engine, now: number, store?: Store): Promise<Check[]> {
	const rts = engine.runtimes();
	const checks: Check[] = [];
	const available = rts.filter((rt) => isAvailable(rt, now));
	checks.push({ name: 'providers', ok: available.length > 0, detail: `${available.length} of ${rts.length} providers can be called now` });
	const missing = rts.filter((rt) => rt.missingKey).map((rt) => rt.spec.id);
	checks.push({ name: 'keys', ok: true, detail: missing.length === 0 ? 'every provider that needs a key has one' : `${missing.length} providers need a key: ${missing.join(', ')}` });
	const open = rts.filter((rt) => rt.breaker.state !== 'closed').map((rt) => `${rt.spec.id} (${rt.breaker.state})`);
	checks.push({ name: 'breakers', ok: open.length === 0, detail: open.length === 0 ? 'every provider breaker is closed' : `not closed: ${open.join(', ')}` });
	for (const pool of engine.pools()) {
		if (pool.id.startsWith('default-')) continue;
		const live = pool.members.filter((m) => {
			const rt = engine.runtime(m.provider);
			return rt ? isAvailable(rt, now) : false;
		}).length;
		checks.push({ name: `pool:${pool.id}`, ok: live > 0, detail: `${live} of ${pool.members.length} members available` });
	}
	if (store) {
		const ok = await storeAnswers(store);
		checks.push({ name: 'store', ok, detail: ok ? 'the store answers' : `the store did not answer within ${STORE_TIMEOUT_MS} ms` });
	}
	return checks;
}

/** `POST /api/diagnostics/run` (admin) and `GET /api/diagnostics/last`. */
export function diagnosticsRoutes({ engine, adminToken, now, store }: DiagnosticsOptions) {
	let last: Report | undefined;
	return new Hono()
		.post('/api/diagnostics/run', adminOnly({ token: adminToken }), async (c) => {
			const ranAt = now();
			const checks = await runChecks(engine, ranAt, store);
			last = { ok: checks.every((x) => x.ok), ranAt, durationMs: Math.max(0, now() - ranAt), checks };
			return c.json(last, 200);
		})
		.get('/api/diagnostics/last', (c) => {
			// No run yet is an answer, not an error: null (run one with POST /api/diagnostics/run).
			return c.json(last ?? null, 200);
		});
}
