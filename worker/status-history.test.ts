import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from '../shared/api/status-history';
import { allProviders } from '../shared/catalog/registry';
import { FakeClock } from '../shared/engine/ports';
import { startSimulator, type Simulator } from '../tests/sim/server';
import { EngineHome } from './engine-home';
import { openMonitorDb } from './idb/db';
import { IdbIncidents } from './idb/incidents';
import { DirectMonitor } from './monitor';
import { directTransport } from './transport/direct';

/** Direct mode: breaker incidents go to IndexedDB (fake-indexeddb) and the status pages read them back after a restart. */

const PROVIDER = 'coingecko';
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
});
afterAll(() => sim.close());

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
	if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
	return r.value;
};

async function start(name: string, clock: FakeClock) {
	const db = await openMonitorDb({ name });
	const relayBase = () => `${sim.url}/via`;
	const home = await EngineHome.start({ db, config: { baseUrls: sim.baseUrls }, relayBase, network: directTransport(), clock });
	const monitor = new DirectMonitor({ home, db, version: '0', relayBase, now: () => clock.now() });
	return {
		db,
		home,
		monitor,
		async stop() {
			await home.close();
			db.close();
		},
	};
}

describe('status history in the worker', () => {
	it('records an incident from open to closed in IndexedDB and shows it after a restart', async () => {
		const clock = new FakeClock(Date.now());
		const name = `status-${Math.random().toString(36).slice(2)}`;
		const first = await start(name, clock);
		value(await first.monitor.savePool({ id: 'solo', name: 'Only CoinGecko', capabilities: ['price'], members: [{ provider: PROVIDER }] }));
		const ask = async () => {
			const r = await first.monitor.data('price', { symbols: ['BTC'] }, { pool: 'solo', fresh: true });
			return r.ok && !r.value.stale;
		};
		expect(await ask()).toBe(true);
		sim.setFault(PROVIDER, { kind: 'server_error' });
		for (let i = 0; i < 5; i++) expect(await ask()).toBe(false);
		const openedAt = clock.now();
		expect(first.home.engine.runtime(PROVIDER)?.breaker.state).toBe('open');
		sim.clearFaults(PROVIDER);
		// Past the default cool-down (30 s, jitter at most 20%).
		await clock.advance(40_000);
		expect(await ask()).toBe(true);
		expect(await ask()).toBe(true);
		expect(first.home.engine.runtime(PROVIDER)?.breaker.state).toBe('closed');

		const view = ProviderStatusHistory.parse(value(await first.monitor.providerStatus(PROVIDER)));
		const wide = view.incidents.filter((i) => i.capability === null);
		expect(wide).toHaveLength(1);
		expect(wide[0]).toMatchObject({ startedAt: openedAt, endedAt: openedAt + 40_000, durationMs: 40_000, ongoing: false, cause: 'http_5xx' });
		expect(view.uptime[0]).toMatchObject({ window: '24h', ok: 3, total: 8 });
		StatusIndex.parse(value(await first.monitor.statusIndex()));
		PoolStatusHistory.parse(value(await first.monitor.poolStatus('solo')));
		await first.stop();

		const second = await start(name, clock);
		try {
			const again = ProviderStatusHistory.parse(value(await second.monitor.providerStatus(PROVIDER)));
			expect(again.incidents.filter((i) => i.capability === null)).toEqual(wide);
			expect(again.uptime[0]).toMatchObject({ ok: 3, total: 8 });
			expect(await new IdbIncidents(second.db).ongoing()).toEqual([]);
		} finally {
			await second.stop();
		}
	});

	it('refuses a malformed id and says which id is unknown', async () => {
		const s = await start(`status-${Math.random().toString(36).slice(2)}`, new FakeClock(Date.now()));
		try {
			expect(await s.monitor.providerStatus('Not An Id')).toMatchObject({ ok: false, code: 'bad_params' });
			expect(await s.monitor.providerStatus('nope')).toMatchObject({ ok: false, code: 'not_found' });
			expect(await s.monitor.poolStatus('nope')).toMatchObject({ ok: false, code: 'not_found' });
		} finally {
			await s.stop();
		}
	});

	it('prunes incidents that ended over a year ago', async () => {
		const db = await openMonitorDb({ name: `status-${Math.random().toString(36).slice(2)}` });
		const now = Date.UTC(2026, 5, 1);
		const store = new IdbIncidents(db, () => now);
		const row = (id: string, endedAt: number | null) => ({ id, provider: 'a', capability: null, startedAt: (endedAt ?? now) - 1_000, endedAt, cause: null, reason: 'r', reopened: 0 });
		await store.upsert(row('old', now - 400 * 86_400_000));
		await store.upsert(row('recent', now - 86_400_000));
		await store.upsert(row('open', null));
		expect(await store.prune()).toBe(1);
		expect((await store.list()).map((r) => r.id).sort()).toEqual(['open', 'recent']);
		db.close();
	});
});
