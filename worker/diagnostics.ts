import type { DiagnosticsT } from '../shared/api/monitor';
import { PROBE_POOL_PREFIX } from '../shared/api/rest';
import { isAvailable } from '../shared/api/views';
import { CAPABILITY_IDS } from '../shared/model';
import type { EngineHome } from './engine-home';
import type { MonitorDb } from './idb/db';
import { globalFetch, type FetchLike } from './transport/direct';
import { relayUrl } from './transport/relay';

type Check = DiagnosticsT['checks'][number];

/** How long IndexedDB and the relay may take to answer before they count as down, ms. */
export const CHECK_TIMEOUT_MS = 5_000;

export interface DiagnosticsDeps {
	home: EngineHome;
	db: MonitorDb;
	now: () => number;
	relayBase: () => string;
	fetch?: FetchLike;
}

function within<T>(p: Promise<T>, ms: number, onTimeout: T): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)));
	return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Direct mode's diagnostics: IndexedDB answers, the engine is built, every capability has a
 * provider that can be called now, keys, breakers, the user's pools, and the relay answers when
 * some provider needs it (a preflight: no upstream call is made).
 */
export async function runDiagnostics({ home, db, now, relayBase, fetch = globalFetch }: DiagnosticsDeps): Promise<DiagnosticsT> {
	const ranAt = now();
	const checks: Check[] = [];
	const engine = home.engine;

	const dbOk = await within(
		db.count('settings').then(
			() => true,
			() => false,
		),
		CHECK_TIMEOUT_MS,
		false,
	);
	checks.push({ name: 'indexeddb', ok: dbOk, detail: dbOk ? `the database answers (schema v${db.version})` : `the database did not answer within ${CHECK_TIMEOUT_MS} ms` });

	const rts = engine.runtimes();
	const pools = engine.pools().filter((p) => !p.id.startsWith(PROBE_POOL_PREFIX));
	checks.push({ name: 'engine', ok: rts.length > 0, detail: `${rts.length} providers, ${pools.length} pools; running for ${Math.floor((ranAt - home.startedAt) / 1000)} s` });
	if (home.configError) checks.push({ name: 'config', ok: false, detail: home.configError });

	const available = rts.filter((rt) => isAvailable(rt, ranAt));
	checks.push({ name: 'providers', ok: available.length > 0, detail: `${available.length} of ${rts.length} providers can be called now` });
	for (const cap of CAPABILITY_IDS) {
		const offering = rts.filter((rt) => rt.endpoints.has(cap));
		const can = offering.filter((rt) => isAvailable(rt, ranAt) && (rt.endpoints.get(cap)?.blockedUntil ?? 0) <= ranAt);
		const keyed = offering.filter((rt) => rt.missingKey).length;
		checks.push({
			name: `capability:${cap}`,
			ok: can.length > 0,
			detail: can.length > 0 ? `${can.length} of ${offering.length} providers available` : `none of ${offering.length} providers available${keyed > 0 ? ` (${keyed} need a key: add one in Settings)` : ''}`,
		});
	}
	const missing = rts.filter((rt) => rt.missingKey).map((rt) => rt.spec.id);
	checks.push({ name: 'keys', ok: true, detail: missing.length === 0 ? 'every provider that needs a key has one' : `${missing.length} providers need a key: ${missing.join(', ')}` });
	const relayedKeys = rts.filter((rt) => !rt.spec.cors && rt.spec.auth.kind !== 'none' && rt.keys.some((k) => k !== '')).map((rt) => rt.spec.id);
	if (relayedKeys.length > 0) {
		checks.push({
			name: 'relayed-keys',
			ok: true,
			detail: `keys entered for ${relayedKeys.join(', ')} stay in this browser: these providers send no CORS headers, so they are called through the relay, which uses its own key if it has one`,
		});
	}
	const open = rts.filter((rt) => rt.breaker.state !== 'closed').map((rt) => `${rt.spec.id} (${rt.breaker.state})`);
	checks.push({ name: 'breakers', ok: open.length === 0, detail: open.length === 0 ? 'every provider breaker is closed' : `not closed: ${open.join(', ')}` });
	for (const pool of pools) {
		if (pool.id.startsWith('default-')) continue;
		const live = pool.members.filter((m) => {
			const rt = engine.runtime(m.provider);
			return rt ? isAvailable(rt, ranAt) : false;
		}).length;
		checks.push({ name: `pool:${pool.id}`, ok: live > 0, detail: `${live} of ${pool.members.length} members available` });
	}

	const relayed = rts.find((rt) => !rt.spec.cors && !rt.missingKey && !rt.spec.retired);
	if (!relayed) checks.push({ name: 'relay', ok: true, detail: 'no available provider needs the relay' });
	else {
		const base = relayBase();
		const url = relayUrl(base, relayed.spec, relayed.spec.baseUrl) ?? `${base}/relay/${relayed.spec.id}/`;
		const status = await within(
			fetch(url, { method: 'OPTIONS', credentials: 'omit', referrerPolicy: 'no-referrer' }).then(
				(r) => r.status,
				() => 0,
			),
			CHECK_TIMEOUT_MS,
			-1,
		);
		const needing = rts.filter((rt) => !rt.spec.cors).length;
		const ok = status >= 200 && status < 300;
		checks.push({
			name: 'relay',
			ok,
			detail: ok
				? `the relay at ${base} answers (${needing} providers go through it)`
				: status === -1
					? `the relay at ${base} did not answer within ${CHECK_TIMEOUT_MS} ms; ${needing} providers without CORS cannot be reached`
					: status === 0
						? `the relay at ${base} cannot be reached; ${needing} providers without CORS cannot be reached (set a relay in Settings)`
						: `the relay at ${base} answered ${status}; ${needing} providers without CORS cannot be reached (set a relay in Settings)`,
		});
	}
	return { ok: checks.every((c) => c.ok), ranAt, durationMs: Math.max(0, now() - ranAt), checks };
}
