import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/api/monitor';
import { Stats } from '../../shared/engine/stats';
import { AnswerStore } from './answers';
import { BackupStore } from './backups';
import { openMonitorDb, type MonitorDb } from './db';
import { KeyStore } from './keys';
import { IdbStore } from './kv-store';
import { LogStore, type LogEntry } from './logs';
import { PoolStore } from './pools';
import { RotationStore } from './rotations';
import { SettingsStore } from './settings';
import { StatsStore } from './stats';
import { UserProviderStore } from './user-providers';

let db: MonitorDb;
let seq = 0;
beforeEach(async () => {
	db = await openMonitorDb({ name: `stores-${++seq}-${Math.random().toString(36).slice(2)}` });
});
afterEach(() => db.close());

const answer = (ts: number, source = 'coingecko') => ({ data: [{ symbol: 'BTC', price: 1 }], source, ts, cached: false, stale: false, latencyMs: 10 });

describe('SettingsStore', () => {
	it('answers the defaults before anything is saved, and merges patches', async () => {
		const s = new SettingsStore(db);
		expect(await s.get()).toEqual(DEFAULT_SETTINGS);
		const r = await s.save({ relayUrl: 'https://relay.example.org/', watchlist: ['btc', 'eth', 'BTC'] });
		expect(r.ok && r.value).toMatchObject({ relayUrl: 'https://relay.example.org', watchlist: ['BTC', 'ETH'], mode: 'auto' });
		expect((await s.get()).relayUrl).toBe('https://relay.example.org');
	});

	it('refuses a bad patch whole and keeps what was stored', async () => {
		const s = new SettingsStore(db);
		await s.save({ locale: 'fa' });
		for (const bad of [{ locale: 'xx' }, { mode: 'direct', relayUrl: 'ftp://x.org' }, { proxyUrl: 'https://user:pw@x.org' }, { baseURL: 'https://x.org' }, 'nope', null]) {
			const r = await s.save(bad);
			expect(r.ok, JSON.stringify(bad)).toBe(false);
		}
		expect(await s.get()).toEqual({ ...DEFAULT_SETTINGS, locale: 'fa' });
	});

	it('reads a damaged stored record field by field, falling back to defaults', async () => {
		await db.put('settings', { mode: 'proxy', theme: 42, watchlist: 'BTC' }, 'app');
		expect(await new SettingsStore(db).get()).toEqual({ ...DEFAULT_SETTINGS, mode: 'proxy' });
	});
});

describe('KeyStore', () => {
	it('stores keys by env name, lists names only, deletes', async () => {
		const k = new KeyStore(db);
		expect((await k.set('ETHERSCAN_KEY_2', '  abcd1234  ')).ok).toBe(true);
		expect((await k.set('ETHERSCAN_KEY', 'zzzz9999')).ok).toBe(true);
		expect(await k.names()).toEqual(['ETHERSCAN_KEY', 'ETHERSCAN_KEY_2']);
		expect(await k.all()).toEqual({ ETHERSCAN_KEY: 'zzzz9999', ETHERSCAN_KEY_2: 'abcd1234' });
		expect((await k.delete('ETHERSCAN_KEY')).ok).toBe(true);
		expect((await k.delete('ETHERSCAN_KEY')).ok).toBe(false);
		expect(await k.names()).toEqual(['ETHERSCAN_KEY_2']);
	});

	it('refuses bad names and values without touching the store, and never echoes a value', async () => {
		const k = new KeyStore(db);
		await k.set('CG_KEY', 'good-key-1');
		for (const [name, value] of [['cg_key', 'good-key-2'], ['CG KEY', 'good-key-2'], ['CG_KEY', 'has space'], ['CG_KEY', 'x'], ['CG_KEY', 'bad\nkey'], [42, 'good-key-2']] as const) {
			const r = await k.set(name, value);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).not.toContain(String(value));
		}
		expect(await k.all()).toEqual({ CG_KEY: 'good-key-1' });
	});
});

describe('AnswerStore', () => {
	it('remembers and recalls the last answer per key', async () => {
		const a = new AnswerStore(db);
		expect(await a.remember('price:{}', answer(1))).toBe(true);
		expect(await a.remember('price:{}', answer(2, 'kraken'))).toBe(true);
		expect(await a.recall('price:{}')).toEqual(answer(2, 'kraken'));
		expect(await a.recall('price:nothing')).toBeUndefined();
	});

	it('refuses a bad key or answer and keeps the stored one', async () => {
		const a = new AnswerStore(db);
		await a.remember('price:{}', answer(1));
		for (const bad of [{ ...answer(3), ts: Number.NaN }, { ...answer(3), source: '' }, { ...answer(3), data: undefined }, 'x', null]) {
			expect(await a.remember('price:{}', bad)).toBe(false);
		}
		expect(await a.remember('', answer(3))).toBe(false);
		expect(await a.remember('k'.repeat(3000), answer(3))).toBe(false);
		expect(await a.recall('price:{}')).toEqual(answer(1));
		expect(await a.count()).toBe(1);
	});

	it('keeps only the newest answers by ts', async () => {
		const a = new AnswerStore(db, 3);
		for (let i = 1; i <= 5; i++) await a.remember(`price:${i}`, answer(i * 100));
		expect(await a.count()).toBe(3);
		expect(await a.recall('price:1')).toBeUndefined();
		expect(await a.recall('price:2')).toBeUndefined();
		expect((await a.recall('price:5'))?.ts).toBe(500);
	});
});

describe('LogStore', () => {
	const entry = (at: number, over: Partial<LogEntry> = {}): LogEntry => ({ level: 'warn', kind: 'request', provider: 'kraken', message: `m${at}`, at, ...over });

	it('appends batches and answers newest first with filters', async () => {
		const l = new LogStore(db, () => 1_000);
		expect(await l.append([entry(1), entry(3, { level: 'error', kind: 'error', provider: null }), entry(2, { provider: 'binance' })])).toBe(3);
		expect((await l.query()).map((r) => r.at)).toEqual([3, 2, 1]);
		expect((await l.query({ provider: 'kraken' })).map((r) => r.at)).toEqual([1]);
		expect((await l.query({ level: 'error' })).map((r) => r.message)).toEqual(['m3']);
		expect((await l.query({ since: 2 })).map((r) => r.at)).toEqual([3, 2]);
		expect((await l.query({ limit: 1 })).map((r) => r.at)).toEqual([3]);
		const stats = await l.stats();
		expect(stats).toEqual({ total: 3, byLevel: { debug: 0, info: 0, warn: 2, error: 1 }, byKind: { error: 1, request: 2 }, oldest: 1, newest: 3 });
	});

	it('refuses a batch with any invalid entry and writes none of it', async () => {
		const l = new LogStore(db);
		await l.append([entry(1)]);
		expect(await l.append([entry(2), { ...entry(3), level: 'fatal' }])).toBe(0);
		expect(await l.append([entry(2), { ...entry(3), at: Number.NaN }])).toBe(0);
		expect((await l.query()).map((r) => r.at)).toEqual([1]);
	});

	it('keeps the newest entries up to the limit and drops those past the age', async () => {
		const now = 10 * 86_400_000;
		const l = new LogStore(db, () => now);
		await l.append(Array.from({ length: 30 }, (_, i) => entry(now - (29 - i) * 1000)));
		await l.append([entry(now - 8 * 86_400_000)]);
		expect(await l.retain({ maxRows: 10, maxAgeMs: 7 * 86_400_000 })).toBe(21);
		const left = await l.query({ limit: 100 });
		expect(left).toHaveLength(10);
		expect(left[0]?.at).toBe(now);
		expect(left[9]?.at).toBe(now - 9000);
		expect(await l.clear()).toBe(10);
		expect(await l.query()).toEqual([]);
	});
});

describe('IdbStore (the engine Store port)', () => {
	it('gets, sets, deletes and lists keys by prefix', async () => {
		const s = new IdbStore(db);
		await s.set('quota:a', { n: 1 });
		await s.set('quota:b', { n: 2 });
		await s.set('breaker:a', { state: 'open' });
		expect(await s.get('quota:a')).toEqual({ n: 1 });
		expect((await s.keys('quota:')).sort()).toEqual(['quota:a', 'quota:b']);
		expect(await s.entries('quota:')).toEqual([
			['quota:a', { n: 1 }],
			['quota:b', { n: 2 }],
		]);
		await s.delete('quota:a');
		expect(await s.get('quota:a')).toBeUndefined();
		expect(await s.keys('quota:')).toEqual(['quota:b']);
	});
});

describe('PoolStore', () => {
	const pool = { id: 'my-pool', name: 'Mine', strategy: 'priority', members: [{ provider: 'kraken' }] };

	it('stores validated pools with defaults applied, and deletion markers', async () => {
		const p = new PoolStore(db);
		expect(await p.put(pool)).toBe(true);
		expect(await p.configs()).toEqual([{ ...pool, capabilities: [], hedge: false, maxAlternatives: 10 }]);
		await p.remove('primary-market-data', true);
		expect((await p.all()).find((r) => r.id === 'primary-market-data')?.config).toBeNull();
		await p.remove('my-pool', false);
		expect(await p.configs()).toEqual([]);
	});

	it('refuses an invalid pool and keeps the stored one', async () => {
		const p = new PoolStore(db);
		await p.put(pool);
		expect(await p.put({ ...pool, strategy: 'nope' })).toBe(false);
		expect(await p.put({ ...pool, id: 'Bad Id' })).toBe(false);
		expect((await p.configs())[0]?.strategy).toBe('priority');
	});
});

describe('UserProviderStore', () => {
	const provider = { id: 'my-api', name: 'My API', category: 'market', baseUrl: 'https://api.example.org', docs: 'https://example.org/docs', capabilities: ['price'] };

	it('stores, lists and deletes; refuses invalid ones without changes', async () => {
		const u = new UserProviderStore(db);
		expect(await u.put(provider)).toBe(true);
		expect(await u.put({ ...provider, baseUrl: 'http://insecure.example.org' })).toBe(false);
		expect(await u.put({ ...provider, extra: 1 })).toBe(false);
		expect(await u.all()).toEqual([provider]);
		expect(await u.get('my-api')).toEqual(provider);
		expect(await u.delete('my-api')).toBe(true);
		expect(await u.delete('my-api')).toBe(false);
	});
});

describe('StatsStore', () => {
	it('saves snapshots and loads them back into equal Stats', async () => {
		const st = new Stats();
		st.record({ ok: true, latencyMs: 100, at: 1_000 });
		st.record({ ok: false, kind: 'timeout', latencyMs: 4000, at: 2_000 });
		const store = new StatsStore(db);
		await store.save([{ provider: 'kraken', capability: 'price', snapshot: st.snapshot() }]);
		await db.put('stats', { provider: 'x', capability: 'price', snapshot: { v: 99 } as never, updatedAt: 0 });
		const loaded = await store.load();
		expect(loaded).toHaveLength(1);
		const back = Stats.restore((loaded[0] as { snapshot: ReturnType<Stats['snapshot']> }).snapshot);
		expect(back.requests).toBe(2);
		expect(back.successRate()).toBe(0.5);
		expect(await store.forget('kraken')).toBe(1);
	});
});

describe('RotationStore', () => {
	it('keeps the newest rotations, newest first', async () => {
		const r = new RotationStore(db, 3);
		for (let i = 1; i <= 5; i++) await r.append({ pool: 'p', capability: 'price', from: 'a', to: 'b', reason: 'failover', at: i });
		expect((await r.list()).map((x) => x.at)).toEqual([5, 4, 3]);
	});
});

describe('BackupStore', () => {
	it('names backups by time, keeps the newest and lists them newest first', async () => {
		let now = Date.UTC(2026, 0, 2, 3, 4, 5);
		const b = new BackupStore(db, () => now, 2);
		const first = await b.add('{"a":1}');
		expect(first).toEqual({ name: 'crypto-monitor-20260102-030405.json', bytes: 7, createdAt: now });
		const second = await b.add('{"a":2}');
		expect(second.name).toBe('crypto-monitor-20260102-030405-1.json');
		now += 1000;
		await b.add('{"a":3}');
		const list = await b.list();
		expect(list.map((x) => x.name)).toEqual(['crypto-monitor-20260102-030406.json', 'crypto-monitor-20260102-030405-1.json']);
		expect(await b.get(first.name)).toBeUndefined();
		expect(await b.get(second.name)).toBe('{"a":2}');
	});
});
