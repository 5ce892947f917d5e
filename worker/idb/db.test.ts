import 'fake-indexeddb/auto';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openMonitorDb, type MonitorDb } from './db';
import { AnswerStore } from './answers';
import { KeyStore } from './keys';
import { IdbStore } from './kv-store';
import { LogStore } from './logs';
import { SettingsStore } from './settings';

let seq = 0;
const freshName = () => `db-test-${++seq}-${Math.random().toString(36).slice(2)}`;

/** The schema as data: stores with key path, auto-increment and indexes. */
function schemaOf(db: MonitorDb): Record<string, unknown> {
	const names = [...db.objectStoreNames];
	if (names.length === 0) return {};
	const tx = db.transaction(names);
	const out: Record<string, unknown> = {};
	for (const name of names) {
		const s = tx.objectStore(name);
		out[name] = {
			keyPath: s.keyPath,
			autoIncrement: s.autoIncrement,
			indexes: [...s.indexNames].sort().map((i) => ({ name: i, keyPath: s.index(i).keyPath })),
		};
	}
	return out;
}

const answerV1 = { data: [{ symbol: 'BTC', vs: 'USD', price: 65000, ts: 1_700_000_000_000 }], source: 'coingecko', ts: 1_700_000_000_000, cached: false, stale: false, latencyMs: 120 };
const answerKey = 'price:{"symbols":["BTC"],"vs":"USD"}';

/** Data as each old version wrote it (raw: the old shapes are not the current types). */
const WRITERS: Record<number, (db: IDBPDatabase) => Promise<void>> = {
	1: async (db) => {
		await db.put('settings', { mode: 'direct', locale: 'fa', watchlist: ['BTC', 'ETH'], vs: 'EUR' }, 'app');
		await db.put('answers', { key: answerKey, answer: answerV1 });
		await db.put('answers', { key: 'news:{}', answer: { ...answerV1, data: [], source: 'coindesk', ts: 1_600_000_000_000 } });
		// A record that was never valid: the v3 reshape drops it rather than keep something unreadable.
		await db.put('answers', { key: 'junk', answer: 'not an answer' });
	},
	2: async (db) => {
		await WRITERS[1]?.(db);
		await db.put('kv', { key1: { day: 12 } }, 'quota:coingecko');
		await db.put('kv', [['coingecko', 'PEPE', 'pepe']], 'symbols:learned');
		await db.put('keys', { name: 'ETHERSCAN_KEY', value: 'K3YVALUE123', updatedAt: 5 });
		await db.add('logs', { at: 10, level: 'warn', kind: 'breaker', provider: 'kraken', message: 'kraken breaker closed -> open', data: null });
		await db.add('logs', { at: 20, level: 'error', kind: 'error', provider: null, message: 'price failed', data: { attempts: 3 } });
	},
	// v3 writes answers already reshaped (capability and ts at the top level); the rest as v2 did.
	3: async (db) => {
		await WRITERS[2]?.(db);
		await db.put('answers', { key: answerKey, capability: 'price', ts: answerV1.ts, answer: answerV1 });
		await db.put('answers', { key: 'news:{}', capability: 'news', ts: 1_600_000_000_000, answer: { ...answerV1, data: [], source: 'coindesk', ts: 1_600_000_000_000 } });
		await db.delete('answers', 'junk');
		await db.add('rotations', { pool: 'fast', capability: 'price', from: 'a', to: 'b', reason: 'breaker open', at: 30 });
	},
};

describe('the IndexedDB schema', () => {
	it('is at version 3 or later, with one upgrade step per version', () => {
		expect(DB_VERSION).toBeGreaterThanOrEqual(3);
	});

	it('creates every store on a fresh open', async () => {
		const db = await openMonitorDb({ name: freshName() });
		expect([...db.objectStoreNames].sort()).toEqual(['answers', 'backups', 'incidents', 'keys', 'kv', 'logs', 'pools', 'rotations', 'settings', 'stats', 'userProviders']);
		db.close();
	});

	it('refuses a version it has no steps for', async () => {
		await expect(openMonitorDb({ name: freshName(), version: DB_VERSION + 1 })).rejects.toThrow(/not between/);
		await expect(openMonitorDb({ name: freshName(), version: 0 })).rejects.toThrow(/not between/);
	});

	for (let from = 1; from < DB_VERSION; from++) {
		it(`upgrades from version ${from}: every record is kept and the schema equals a fresh one`, async () => {
			const name = freshName();
			const old = await openMonitorDb({ name, version: from });
			expect(old.version).toBe(from);
			const writer = WRITERS[from];
			if (!writer) throw new Error(`no writer for version ${from}: add one with that version's data`);
			await writer(old as unknown as IDBPDatabase);
			old.close();

			const db = await openMonitorDb({ name });
			expect(db.version).toBe(DB_VERSION);
			const fresh = await openMonitorDb({ name: freshName() });
			expect(schemaOf(db)).toEqual(schemaOf(fresh));
			fresh.close();

			// v1 data: settings and answers (reshaped in v3).
			const settings = await new SettingsStore(db).get();
			expect(settings).toMatchObject({ mode: 'direct', locale: 'fa', watchlist: ['BTC', 'ETH'], vs: 'EUR', theme: 'system' });
			expect(await new AnswerStore(db).recall(answerKey)).toEqual(answerV1);
			const raw = await db.get('answers', answerKey);
			expect(raw).toMatchObject({ capability: 'price', ts: answerV1.ts });
			expect(await db.getAllKeysFromIndex('answers', 'ts')).toEqual(['news:{}', answerKey]);
			expect(await db.getAllKeysFromIndex('answers', 'capability', 'news')).toEqual(['news:{}']);
			expect(await db.get('answers', 'junk')).toBeUndefined();

			if (from >= 2) {
				const kv = new IdbStore(db);
				expect(await kv.get('quota:coingecko')).toEqual({ key1: { day: 12 } });
				expect(await kv.keys('symbols:')).toEqual(['symbols:learned']);
				const keys = new KeyStore(db);
				expect(await keys.names()).toEqual(['ETHERSCAN_KEY']);
				expect(await keys.all()).toEqual({ ETHERSCAN_KEY: 'K3YVALUE123' });
				const logs = await new LogStore(db).query();
				expect(logs.map((l) => [l.at, l.kind, l.provider])).toEqual([
					[20, 'error', null],
					[10, 'breaker', 'kraken'],
				]);
			}
			db.close();
		});
	}
});
