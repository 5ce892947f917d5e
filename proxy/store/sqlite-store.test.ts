import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';
import { useTempData } from './testing';

const temp = useTempData();

describe('SqliteStore', () => {
	it('round-trips JSON values and returns undefined for a missing key', async () => {
		const store = new SqliteStore(temp.open());
		const breaker = { state: 'open', openedAt: 1700000000000, trips: 2, nested: [1, 'two', null, { ok: true }] };
		await store.set('breaker:kraken', breaker);
		await store.set('quota:coingecko', 42);
		await store.set('symbols:learned', [['coingecko', 'BTC', 'bitcoin']]);
		expect(await store.get('breaker:kraken')).toEqual(breaker);
		expect(await store.get('quota:coingecko')).toBe(42);
		expect(await store.get('symbols:learned')).toEqual([['coingecko', 'BTC', 'bitcoin']]);
		expect(await store.get('nope')).toBeUndefined();
	});

	it('never shares an object with the caller', async () => {
		const store = new SqliteStore(temp.open());
		const value = { n: 1 };
		await store.set('k', value);
		value.n = 2;
		const read = await store.get<{ n: number }>('k');
		expect(read).toEqual({ n: 1 });
		read!.n = 3;
		expect(await store.get('k')).toEqual({ n: 1 });
	});

	it('overwrites, deletes, and treats storing undefined as a delete', async () => {
		const store = new SqliteStore(temp.open());
		await store.set('k', 1);
		await store.set('k', 2);
		expect(await store.get('k')).toBe(2);
		await store.delete('k');
		expect(await store.get('k')).toBeUndefined();
		await store.set('u', 1);
		await store.set('u', undefined);
		expect(await store.keys('')).toEqual([]);
	});

	it('lists keys by prefix, treating LIKE wildcards and odd characters literally', async () => {
		const store = new SqliteStore(temp.open());
		for (const k of ['quota:a', 'quota:b', 'quota_x', 'quotb:a', 'breaker:a', '100%:a', '100%x', 'ü:1', 'ü:2', 'üb', 'quota']) await store.set(k, 0);
		expect(await store.keys('quota:')).toEqual(['quota:a', 'quota:b']);
		expect(await store.keys('quota_')).toEqual(['quota_x']);
		expect(await store.keys('100%')).toEqual(['100%:a', '100%x']);
		expect(await store.keys('100%:')).toEqual(['100%:a']);
		expect(await store.keys('ü:')).toEqual(['ü:1', 'ü:2']);
		expect(await store.keys('zzz')).toEqual([]);
		expect((await store.keys('')).length).toBe(11);
	});

	it('keeps its values across a reopen', async () => {
		const db = temp.open();
		await new SqliteStore(db).set('quota:coingecko', { day: 5, month: 70 });
		db.close();
		const again = new SqliteStore(temp.open());
		expect(await again.get('quota:coingecko')).toEqual({ day: 5, month: 70 });
		expect(await again.keys('quota:')).toEqual(['quota:coingecko']);
	});

	it('keeps working after the database is reopened under it', async () => {
		const db = temp.open();
		const store = new SqliteStore(db);
		await store.set('a', 1);
		db.reopen();
		await store.set('b', 2);
		expect(await store.keys('')).toEqual(['a', 'b']);
	});
});
