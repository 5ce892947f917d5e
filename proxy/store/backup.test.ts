import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Backups } from './backup';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { SqliteStore } from './sqlite-store';
import { useTempData } from './testing';

const temp = useTempData();

function setup(keep?: number) {
	let now = Date.UTC(2025, 0, 2, 3, 4, 5);
	const db = temp.open();
	const backups = new Backups(db, { now: () => now, ...(keep === undefined ? {} : { keep }) });
	return { db, backups, store: new SqliteStore(db), tick: (ms = 1000) => (now += ms) };
}

describe('Backups', () => {
	it('writes a timestamped, self-contained copy under backups/ and lists it', async () => {
		const { backups, store, db } = setup();
		await store.set('quota:coingecko', { day: 3 });
		const info = await backups.backup();
		expect(info).toMatchObject({ name: 'crypto-monitor-20250102-030405.db', createdAt: Date.UTC(2025, 0, 2, 3, 4, 5) });
		expect(info.bytes).toBeGreaterThan(0);
		expect(backups.list()).toEqual([info]);
		expect(readdirSync(join(db.dataDir, 'backups'))).toEqual([info.name]);
		const copy = new Database(join(backups.dir, info.name), { readonly: true });
		try {
			expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
			expect(copy.prepare('SELECT value FROM kv').get()).toEqual({ value: '{"day":3}' });
		} finally {
			copy.close();
		}
	});

	it('gives two backups in one second distinct names, newest first', async () => {
		const { backups } = setup();
		const a = await backups.backup();
		const b = await backups.backup();
		expect(b.name).toBe('crypto-monitor-20250102-030405-1.db');
		expect(backups.list().map((x) => x.name)).toEqual([b.name, a.name]);
	});

	it('never reuses a pruned name within one second (found by tests/fuzz/rest.test.ts)', async () => {
		const { backups } = setup(2);
		const names: string[] = [];
		// The third prunes the first (`…030405.db`); the fourth must not take that name back and lose itself.
		for (let i = 0; i < 4; i++) names.push((await backups.backup()).name);
		expect(names.at(-1)).toBe('crypto-monitor-20250102-030405-3.db');
		expect(backups.list().map((x) => x.name)).toEqual([names[3], names[2]]);
	});

	it('takes backups asked for at the same moment one after the other, under distinct names', async () => {
		const { backups } = setup(5);
		const made = await Promise.all([backups.backup(), backups.backup(), backups.backup()]);
		expect(new Set(made.map((b) => b.name)).size).toBe(3);
		expect(backups.list().map((b) => b.name).sort()).toEqual(made.map((b) => b.name).sort());
	});

	it('restores a backup in place, and the same handles keep working', async () => {
		const { backups, store, tick } = setup();
		await store.set('k', 'before');
		const saved = await backups.backup();
		tick();
		await store.set('k', 'after');
		await store.set('extra', 1);
		expect(await backups.restore(saved.name)).toEqual({ ok: true, restored: saved.name, schemaVersion: MIGRATIONS.length });
		expect(await store.get('k')).toBe('before');
		expect(await store.keys('')).toEqual(['k']);
		await store.set('later', 2);
		expect(await store.get('later')).toBe(2);
	});

	it('migrates a restored backup taken by an older version', async () => {
		const old = temp.open({ migrations: MIGRATIONS.slice(0, 1) });
		old.connection.prepare('INSERT INTO pools (id, config, updated_at) VALUES (?, ?, ?)').run('fast', '{"id":"fast"}', 7);
		const oldBackups = new Backups(old, { now: () => Date.UTC(2024, 5, 1) });
		const saved = await oldBackups.backup();
		old.close();
		const { db, backups } = setup();
		expect(await backups.restore(saved.name)).toMatchObject({ ok: true, schemaVersion: MIGRATIONS.length });
		expect(db.connection.prepare('SELECT id, created_at FROM pools').all()).toEqual([{ id: 'fast', created_at: 7 }]);
	});

	it('refuses names that are not listed backups, path tricks included', async () => {
		const { backups, db, store } = setup();
		await store.set('k', 'live');
		await backups.backup();
		writeFileSync(join(db.dataDir, 'x'), 'not a database');
		for (const name of ['../x', '../crypto-monitor.db', '/etc/passwd', 'crypto-monitor-20250102-030405.db/../../x', '..\\x', '', 'crypto-monitor-20990101-000000.db']) {
			const r = await backups.restore(name);
			expect(r).toMatchObject({ ok: false, reason: 'not_found' });
		}
		expect(await store.get('k')).toBe('live');
	});

	it('refuses a damaged backup or one from newer code, and leaves the live database alone', async () => {
		const { backups, store } = setup();
		await store.set('k', 'live');
		mkdirSync(backups.dir, { recursive: true });
		writeFileSync(join(backups.dir, 'crypto-monitor-20250101-000000.db'), 'garbage that is not SQLite, long enough to have a header.....................................................................................');
		expect(await backups.restore('crypto-monitor-20250101-000000.db')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringMatching(/not a readable database|integrity/) });

		const future: Migration = { version: MIGRATIONS.length + 1, name: 'future', up: () => {} };
		const newer = new Database(join(backups.dir, 'crypto-monitor-20250101-000001.db'));
		migrate(newer, [...MIGRATIONS, future]);
		newer.close();
		expect(await backups.restore('crypto-monitor-20250101-000001.db')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining(`schema version ${MIGRATIONS.length + 1} is newer than this code supports (${MIGRATIONS.length})`) });
		expect(await store.get('k')).toBe('live');
	});

	it('prunes to the newest 10 by default, and to the configured count', async () => {
		const { backups, tick } = setup();
		const made: string[] = [];
		for (let i = 0; i < 12; i++) {
			made.push((await backups.backup()).name);
			tick(60_000);
		}
		expect(backups.list().map((b) => b.name)).toEqual(made.slice(2).reverse());
		expect(backups.prune(3)).toEqual(made.slice(2, 9).reverse());
		expect(backups.list().map((b) => b.name)).toEqual(made.slice(9).reverse());
	});

	it('leaves no partial file behind', async () => {
		const { backups } = setup(2);
		await backups.backup();
		expect(readdirSync(backups.dir).some((n) => n.endsWith('.partial'))).toBe(false);
		expect(existsSync(backups.dir)).toBe(true);
	});
});
