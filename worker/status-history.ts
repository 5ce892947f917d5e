import { fail, ok, type Result } from '../shared/api/monitor';
import { Id, PROBE_POOL_PREFIX } from '../shared/api/rest';
import type { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from '../shared/api/status-history';
import type { StatusRecorder } from '../shared/api/status-recorder';
import { poolStatusHistory, providerStatusHistory, statusIndex, type HistorySource } from '../shared/api/status-view';
import type { Engine } from '../shared/engine';

/**
 * The status pages in direct mode: the same builders as the proxy's /api/status/… routes, over the
 * worker's engine and the recorder the EngineHome started (incidents in IndexedDB).
 */

function source(recorder: StatusRecorder): HistorySource {
	return {
		latency: recorder.latency,
		async incidents(providers, since) {
			await recorder.flush();
			return (await Promise.all(providers.map((provider) => recorder.incidents.list({ provider, since, limit: 1_000 })))).flat();
		},
	};
}

const notStarted = () => fail('not_ready', 'The status history has not started yet; try again in a moment.');

export async function workerStatusIndex(engine: Engine, recorder: StatusRecorder | undefined, now: number): Promise<Result<StatusIndex>> {
	if (!recorder) return notStarted();
	await recorder.flush();
	return ok(statusIndex(engine, recorder.tracker.openIncidents(), now));
}

export async function workerProviderStatus(engine: Engine, recorder: StatusRecorder | undefined, id: unknown, now: number): Promise<Result<ProviderStatusHistory>> {
	const parsed = Id.safeParse(id);
	if (!parsed.success) return fail('bad_params', 'a provider id is lower-case letters, digits and dashes');
	const rt = engine.runtime(parsed.data);
	if (!rt) return fail('not_found', `no provider '${parsed.data}'`);
	if (!recorder) return notStarted();
	return ok(await providerStatusHistory(rt, source(recorder), now));
}

export async function workerPoolStatus(engine: Engine, recorder: StatusRecorder | undefined, id: unknown, now: number): Promise<Result<PoolStatusHistory>> {
	const parsed = Id.safeParse(id);
	if (!parsed.success) return fail('bad_params', 'a pool id is lower-case letters, digits and dashes');
	const pool = parsed.data.startsWith(PROBE_POOL_PREFIX) ? undefined : engine.pools().find((p) => p.id === parsed.data);
	if (!pool) return fail('not_found', `no pool '${parsed.data}'`);
	if (!recorder) return notStarted();
	return ok(await poolStatusHistory(engine, pool, source(recorder), now));
}
