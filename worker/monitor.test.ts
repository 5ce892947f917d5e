import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ok } from '../shared/api/monitor';
import { BackupInfo, Diagnostics, LogRecord, LogStatsBody, PoolView, ProviderDetail, ProviderView, ResourceList, ResourcesExport, Rotation, Status } from '../shared/api/rest';
import { allProviders } from '../shared/catalog/registry';
import { startSimulator, type Simulator } from '../tests/sim/server';
import { EngineHome } from './engine-home';
import { openMonitorDb, type MonitorDb } from './idb/db';
import { KeyStore } from './idb/keys';
import { DirectMonitor } from './monitor';
import { directTransport, type FetchLike } from './transport/direct';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders(), record: true });
});
afterAll(() => sim.close());

const open: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
	for (const o of open.splice(0).reverse()) await o.close();
});

let seq = 0;
const newDbName = () => `monitor-test-${++seq}-${Math.random().toString(36).slice(2)}`;

interface Started {
	db: MonitorDb;
	home: EngineHome;
	monitor: DirectMonitor;
}

/** A direct-mode engine over the simulator, its relay at `<sim>/via` (the simulator records what arrives there). */
async function start(name: string, relayFetch?: FetchLike, baseUrls: Record<string, string> = {}): Promise<Started> {
	const db = await openMonitorDb({ name });
	const relayBase = () => `${sim.url}/via`;
	const home = await EngineHome.start({ db, config: { baseUrls: { ...sim.baseUrls, ...baseUrls } }, relayBase, network: directTransport() });
	const monitor = new DirectMonitor({ home, db, version: '9.9.9', relayBase, ...(relayFetch ? { fetch: relayFetch } : {}) });
	open.push({ close: () => db.close() }, home);
	return { db, home, monitor };
}

/** Closes a started engine as the end of a page does, before the next one starts on the same database. */
async function stop(s: Started): Promise<void> {
	await s.home.close();
	s.db.close();
}

const value = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
	if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
	return r.value;
};

describe('DirectMonitor', () => {
	it('answers data through the engine and every read in the proxy REST shapes', async () => {
		const { monitor } = await start(newDbName());
		const price = value(await monitor.data('price', { symbols: ['BTC'] }));
		expect(price.data[0]?.symbol).toBe('BTC');
		expect(allProviders().some((p) => p.id === price.source)).toBe(true);
		expect(Object.keys(price).sort()).toEqual(['cached', 'data', 'latencyMs', 'source', 'stale', 'ts']);

		const status = Status.parse(value(await monitor.status()));
		expect(status.version).toBe('9.9.9');
		expect(status.requests.total).toBeGreaterThan(0);
		z.array(ProviderView).parse(value(await monitor.providers()));
		ProviderDetail.parse(value(await monitor.provider(price.source)));
		z.array(PoolView).parse(value(await monitor.pools()));
		ResourceList.parse(value(await monitor.resources()));
		LogStatsBody.parse(value(await monitor.logStats()));
		z.array(LogRecord).parse(value(await monitor.logs()));
		expect(value(await monitor.recentRequests(5)).length).toBeGreaterThan(0);
		expect((await monitor.provider('nope')).ok).toBe(false);
		expect((await monitor.data('nope' as 'price', { symbols: ['BTC'] })).ok).toBe(false);
		expect((await monitor.data('price', { symbols: [] })).ok).toBe(false);
	});

	it('sends no-CORS providers through the relay, keyless, and CORS ones directly', async () => {
		const name = newDbName();
		const db = await openMonitorDb({ name });
		await new KeyStore(db).set('COINCAP_KEY', 'coincap-user-KEY-123456');
		db.close();
		const { monitor } = await start(name);
		const before = sim.recorded().length;
		const kraken = value(await monitor.healthCheck('kraken', 'price'));
		// The simulator is no relay: the point is where the request went.
		expect(kraken.ok).toBe(false);
		value(await monitor.healthCheck('coincap', 'price'));
		const binance = value(await monitor.healthCheck('binance', 'price'));
		expect(binance.ok).toBe(true);
		const urls = sim
			.recorded()
			.slice(before)
			.map((r) => r.url);
		expect(urls.some((u) => u.startsWith('/via/relay/kraken/'))).toBe(true);
		expect(urls.some((u) => u.startsWith('/via/relay/coincap/'))).toBe(true);
		expect(urls.some((u) => u.startsWith('/binance/'))).toBe(true);
		expect(urls.some((u) => u.startsWith('/kraken/') || u.startsWith('/coincap/'))).toBe(false);
		expect(JSON.stringify(sim.recorded())).not.toContain('coincap-user-KEY-123456');
	});

	it('keeps pool edits, deletions, user providers, rotations, stats, logs and diagnostics across a restart', async () => {
		const name = newDbName();
		const first = await start(name);
		const m = first.monitor;
		const saved = PoolView.parse(value(await m.savePool({ id: 'my-prices', name: 'My prices', capabilities: ['price'], strategy: 'priority', members: [{ provider: 'binance' }, { provider: 'coinpaprika' }] })));
		expect(saved.members.map((x) => x.provider)).toEqual(['binance', 'coinpaprika']);
		value(await m.addMember('my-prices', { provider: 'coinbase' }));
		value(await m.removeMember('my-prices', 'coinpaprika'));
		value(await m.deletePool('nft-market'));
		value(await m.addProvider({ id: 'my-api', name: 'My API', category: 'market', baseUrl: 'https://api.example.org', docs: 'https://example.org/docs', capabilities: ['price'] }));
		value(await m.data('price', { symbols: ['BTC'] }, { pool: 'my-prices' }));
		const rotation = Rotation.parse(value(await m.rotate('my-prices', 'price')));
		expect(rotation).toMatchObject({ pool: 'my-prices', from: 'binance', to: 'coinbase', reason: 'manual' });
		value(await m.breaker('kraken', 'open'));
		const report = Diagnostics.parse(value(await m.runDiagnostics()));
		const requests = value(await m.provider('binance')).requests;
		expect(requests).toBeGreaterThan(0);
		await stop(first);

		const second = await start(name);
		const n = second.monitor;
		const pools = value(await n.pools());
		expect(pools.find((p) => p.id === 'my-prices')?.members.map((x) => x.provider)).toEqual(['binance', 'coinbase']);
		expect(pools.some((p) => p.id === 'nft-market')).toBe(false);
		expect(pools.some((p) => p.id === 'primary-market-data')).toBe(true);
		expect(value(await n.resources()).user).toEqual([{ id: 'my-api', name: 'My API', category: 'market', baseUrl: 'https://api.example.org', docs: 'https://example.org/docs', capabilities: ['price'], live: false }]);
		expect(value(await n.rotations())[0]).toMatchObject({ pool: 'my-prices', reason: 'manual' });
		expect(value(await n.provider('binance')).requests).toBe(requests);
		expect(value(await n.provider('kraken')).state).toBe('forced_open');
		const breakerLogs = value(await n.logs({ kind: 'breaker', provider: 'kraken' }));
		expect(breakerLogs[0]?.message).toMatch(/kraken breaker closed -> forced_open/);
		expect(value(await n.lastDiagnostics())).toEqual(report);
	});

	it('puts a user provider with a template live, answers through it, and again after a restart', async () => {
		const name = newDbName();
		const toSim = { 'my-node': `${sim.url}/ethereum-publicnode` };
		const first = await start(name, undefined, toSim);
		const node = { id: 'my-node', name: 'My node', category: 'rpc' as const, baseUrl: 'https://eth.node.example', docs: 'https://eth.node.example/docs', capabilities: ['block-height' as const], template: { family: 'jsonrpc' as const, chain: 'ethereum' as const } };
		expect(value(await first.monitor.addProvider(node))).toMatchObject({ id: 'my-node', live: true });
		const bad = await first.monitor.addProvider({ ...node, id: 'bad-node', category: 'news' });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.message).toMatch(/category 'rpc'/);
		value(await first.monitor.savePool({ id: 'my-rpc', name: 'Mine', strategy: 'priority', capabilities: ['block-height'], members: [{ provider: 'my-node' }] }));
		expect(value(await first.monitor.data('block-height', { chain: 'ethereum' }, { pool: 'my-rpc' })).source).toBe('my-node');
		const listed = value(await first.monitor.resources());
		expect(listed.user.map((p) => [p.id, p.live])).toEqual([['my-node', true]]);
		expect(listed.catalog.some((p) => p.id === 'my-node')).toBe(false);
		await stop(first);

		const second = await start(name, undefined, toSim);
		expect(value(await second.monitor.pools()).some((p) => p.id === 'my-rpc')).toBe(true);
		expect(value(await second.monitor.data('block-height', { chain: 'ethereum' }, { pool: 'my-rpc', fresh: true })).source).toBe('my-node');
		value(await second.monitor.deleteProvider('my-node'));
		expect(second.home.engine.runtime('my-node')).toBeUndefined();
	});

	it('refuses bad pool changes and keeps default pools', async () => {
		const { monitor } = await start(newDbName());
		expect((await monitor.savePool({ id: 'default-price', name: 'x', members: [] })).ok).toBe(false);
		expect((await monitor.savePool({ id: 'p', name: 'x', members: [{ provider: 'nope' }] })).ok).toBe(false);
		expect((await monitor.savePool({ id: 'p', name: 'x', members: [{ provider: 'kraken' }, { provider: 'kraken' }] })).ok).toBe(false);
		expect((await monitor.deletePool('default-price')).ok).toBe(false);
		expect((await monitor.addMember('default-price', { provider: 'kraken' })).ok).toBe(false);
		expect((await monitor.addProvider({ id: 'kraken', name: 'K', category: 'market', baseUrl: 'https://k.example.org', docs: 'https://k.example.org', capabilities: ['price'] })).ok).toBe(false);
		expect((await monitor.rotate('primary-market-data')).ok).toBe(false);
	});

	it('exports and imports resources in the proxy document format; an invalid import changes nothing', async () => {
		const a = await start(newDbName());
		value(await a.monitor.savePool({ id: 'mine', name: 'Mine', strategy: 'weighted', members: [{ provider: 'kraken', weight: 3 }] }));
		value(await a.monitor.addProvider({ id: 'my-api', name: 'My API', category: 'news', baseUrl: 'https://api.example.org', docs: 'https://example.org/docs', capabilities: ['news'] }));
		const doc = ResourcesExport.parse(value(await a.monitor.exportResources()));
		expect(doc).toMatchObject({ format: 'crypto-monitor/resources', version: 1 });

		const b = await start(newDbName());
		value(await b.monitor.savePool({ id: 'keep-me', name: 'Keep', members: [{ provider: 'binance' }] }));
		const before = value(await b.monitor.exportResources());
		const bad = { ...doc, pools: [...doc.pools, { id: 'broken', name: 'B', members: [{ provider: 'nobody' }] }] };
		const refused = await b.monitor.importResources(bad, 'replace');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.message).toMatch(/nothing was changed.*unknown provider 'nobody'/);
		expect({ ...value(await b.monitor.exportResources()), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
		expect((await b.monitor.importResources({ format: 'other' }, 'merge')).ok).toBe(false);

		const done = value(await b.monitor.importResources({ mode: 'replace', data: doc }, 'replace'));
		expect(done).toEqual({ ok: true, mode: 'replace', providers: 1, pools: 1, appliedPools: 1 });
		const pools = value(await b.monitor.pools());
		expect(pools.find((p) => p.id === 'mine')?.strategy).toBe('weighted');
		expect(pools.some((p) => p.id === 'keep-me')).toBe(false);
		expect(value(await b.monitor.resources()).user.map((u) => u.id)).toEqual(['my-api']);
	});

	it('writes backups without keys and lists them newest first', async () => {
		const name = newDbName();
		const db = await openMonitorDb({ name });
		await new KeyStore(db).set('ETHERSCAN_KEY', 'etherscan-user-KEY-987654');
		db.close();
		const s = await start(name);
		expect(s.home.engine.runtime('etherscan')?.missingKey).toBe(false);
		const info = BackupInfo.parse(value(await s.monitor.backup()));
		expect(info.name).toMatch(/^crypto-monitor-\d{8}-\d{6}(-\d+)?\.json$/);
		const list = value(await s.monitor.backups());
		expect(list[0]).toEqual(info);
		const stored = (await s.db.get('backups', info.name))?.json ?? '';
		expect(stored.length).toBe(info.bytes);
		expect(stored).not.toContain('etherscan-user-KEY-987654');
		expect(JSON.parse(stored)).toMatchObject({ format: 'crypto-monitor/backup', resources: { format: 'crypto-monitor/resources' } });
	});

	it('reloads keys into the engine without losing quotas or stats', async () => {
		const { db, home, monitor } = await start(newDbName());
		expect(home.engine.runtime('etherscan')?.missingKey).toBe(true);
		value(await monitor.data('price', { symbols: ['BTC'] }));
		const source = value(await monitor.recentRequests(1))[0]?.provider ?? '';
		const requests = value(await monitor.provider(source)).requests;
		await new KeyStore(db).set('ETHERSCAN_KEY', 'etherscan-user-KEY-111111');
		await home.reloadKeys();
		expect(home.engine.runtime('etherscan')?.missingKey).toBe(false);
		expect(value(await monitor.provider(source)).requests).toBe(requests);
		const logs = JSON.stringify(value(await monitor.logs({ limit: 1000 })));
		expect(logs).not.toContain('etherscan-user-KEY-111111');
	});

	it('diagnoses the relay: down when it does not answer, up when its preflight does', async () => {
		const down = await start(newDbName());
		const r1 = value(await down.monitor.runDiagnostics());
		expect(r1.checks.find((c) => c.name === 'indexeddb')?.ok).toBe(true);
		expect(r1.checks.find((c) => c.name === 'capability:price')?.ok).toBe(true);
		expect(r1.checks.find((c) => c.name === 'relay')).toMatchObject({ ok: false });
		expect(r1.checks.find((c) => c.name === 'capability:whale-transfers')).toMatchObject({ ok: false });

		const asked: Array<{ url: string; method: string | undefined }> = [];
		const relay: FetchLike = async (url, init) => {
			asked.push({ url, method: init.method });
			return new Response(null, { status: 204 });
		};
		const up = await start(newDbName(), relay);
		const r2 = value(await up.monitor.runDiagnostics());
		expect(r2.checks.find((c) => c.name === 'relay')).toMatchObject({ ok: true });
		expect(asked).toHaveLength(1);
		expect(asked[0]?.method).toBe('OPTIONS');
		expect(asked[0]?.url).toMatch(new RegExp(`^${sim.url}/via/relay/[a-z0-9-]+/$`));
	});

	it('never throws across the boundary', async () => {
		const { monitor } = await start(newDbName());
		const results = await Promise.all([
			monitor.savePool(null as never),
			monitor.addMember('primary-market-data', 'x' as never),
			monitor.importResources(undefined, 'merge'),
			monitor.importResources({}, 'other' as never),
			monitor.logs({ level: 'fatal' as never }),
			monitor.breaker('kraken', 'explode' as never),
			monitor.healthCheck('kraken', 'gas'),
			monitor.recentRequests(-1),
		]);
		for (const r of results) expect(r.ok).toBe(false);
		expect(await monitor.clearLogs()).toEqual(ok({ deleted: expect.any(Number) }));
	});
});
