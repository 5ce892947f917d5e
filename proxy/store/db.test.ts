import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { DatabaseTooNewError, MIGRATIONS, schemaVersion, type Migration } from './migrations';
import { useTempData } from './testing';

const temp = useTempData();

/** Data a database at each version can hold; written right after reaching that version. */
const seeds: Record<number, (db: Database.Database) => void> = {
	1: (db) => {
		db.prepare('INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)').run('quota:coingecko', JSON.stringify({ day: 12 }), 1000);
		db.prepare('INSERT INTO user_providers (id, spec, updated_at) VALUES (?, ?, ?)').run('my-api', JSON.stringify({ id: 'my-api' }), 1111);
		db.prepare('INSERT INTO pools (id, config, updated_at) VALUES (?, ?, ?)').run('fast', JSON.stringify({ id: 'fast' }), 2222);
		db.prepare('INSERT INTO logs (at, level, kind, provider, message, data) VALUES (?, ?, ?, ?, ?, ?)').run(3000, 'warn', 'breaker', 'kraken', 'opened', null);
	},
	2: (db) => {
		db.prepare('INSERT INTO rotation_history (at, pool, capability, from_provider, to_provider, reason) VALUES (?, ?, ?, ?, ?, ?)').run(4000, 'fast', 'price', 'a', 'b', 'breaker open');
		db.prepare('INSERT INTO stats_snapshots (provider, capability, snapshot, updated_at) VALUES (?, ?, ?, ?)').run('kraken', 'price', JSON.stringify({ v: 1, requests: 9 }), 5000);
	},
	// From v3 on, the code that inserts user providers and pools writes created_at: seed 1's rows as that code would have left them.
	3: (db) => {
		db.exec('UPDATE user_providers SET created_at = updated_at WHERE created_at = 0; UPDATE pools SET created_at = updated_at WHERE created_at = 0');
	},
	5: (db) => {
		db.prepare('INSERT INTO incidents (id, provider, capability, started_at, ended_at, cause, reason, reopened) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('kraken|*|6000', 'kraken', null, 6000, 7000, 'timeout', 'opened', 1);
	},
};

function expectSeedsPresent(db: Database.Database, upTo: number): void {
	expect(db.prepare('SELECT value FROM kv WHERE key = ?').get('quota:coingecko')).toEqual({ value: '{"day":12}' });
	expect(db.prepare('SELECT id, updated_at, created_at FROM user_providers').all()).toEqual([{ id: 'my-api', updated_at: 1111, created_at: 1111 }]);
	expect(db.prepare('SELECT id, updated_at, created_at FROM pools').all()).toEqual([{ id: 'fast', updated_at: 2222, created_at: 2222 }]);
	expect(db.prepare('SELECT at, level, kind, provider, message FROM logs').all()).toEqual([{ at: 3000, level: 'warn', kind: 'breaker', provider: 'kraken', message: 'opened' }]);
	if (upTo >= 2) {
		expect(db.prepare('SELECT pool, from_provider, to_provider FROM rotation_history').all()).toEqual([{ pool: 'fast', from_provider: 'a', to_provider: 'b' }]);
		expect(db.prepare('SELECT provider, snapshot FROM stats_snapshots').all()).toEqual([{ provider: 'kraken', snapshot: '{"v":1,"requests":9}' }]);
	}
	if (upTo >= 5) expect(db.prepare('SELECT id, ended_at, reopened FROM incidents').all()).toEqual([{ id: 'kraken|*|6000', ended_at: 7000, reopened: 1 }]);
}

describe('openDatabase', () => {
	it('creates the data folder and the database with WAL, NORMAL sync, foreign keys and a busy timeout', () => {
		const dataDir = join(temp.dir(), 'nested', 'data');
		const db = openDatabase({ dataDir });
		try {
			expect(existsSync(join(dataDir, 'crypto-monitor.db'))).toBe(true);
			const c = db.connection;
			expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
			expect(c.pragma('synchronous', { simple: true })).toBe(1);
			expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
			expect(c.pragma('busy_timeout', { simple: true })).toBe(5000);
			expect(schemaVersion(c)).toBe(MIGRATIONS.length);
		} finally {
			db.close();
		}
	});

	it('takes its folder from CM_DATA_DIR when no dataDir is given', () => {
		const db = openDatabase({ env: { CM_DATA_DIR: temp.dir() } });
		db.close();
		expect(db.path).toBe(join(temp.dir(), 'crypto-monitor.db'));
	});

	it('records each migration once, and reopening runs none again', () => {
		temp.open().close();
		const db = temp.open();
		expect(db.connection.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
	});
});

describe('migrations', () => {
	for (let from = 1; from < MIGRATIONS.length; from++) {
		it(`upgrades a database at version ${from} to ${MIGRATIONS.length} and keeps its data`, () => {
			const old = temp.open({ migrations: MIGRATIONS.slice(0, from) });
			expect(schemaVersion(old.connection)).toBe(from);
			for (let v = 1; v <= from; v++) seeds[v]?.(old.connection);
			old.close();

			const db = temp.open();
			expect(schemaVersion(db.connection)).toBe(MIGRATIONS.length);
			expectSeedsPresent(db.connection, from);
			expect(db.connection.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'logs_at'`).get()).toEqual({ name: 'logs_at' });
			expect(db.connection.pragma('integrity_check', { simple: true })).toBe('ok');
		});
	}

	it('gives an upgraded database the same schema as a new one', () => {
		const schema = (db: Database.Database) => db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();
		const old = temp.open({ migrations: MIGRATIONS.slice(0, 1) });
		old.close();
		const upgraded = schema(temp.open().connection);
		const fresh = openDatabase({ dataDir: join(temp.dir(), 'fresh') });
		try {
			expect(upgraded).toEqual(schema(fresh.connection));
		} finally {
			fresh.close();
		}
	});

	it('refuses to open a database newer than the code', () => {
		const future: Migration = { version: MIGRATIONS.length + 1, name: 'from the future', up: (db) => db.exec('CREATE TABLE future (x)') };
		temp.open({ migrations: [...MIGRATIONS, future] }).close();
		expect(() => temp.open()).toThrow(DatabaseTooNewError);
		expect(() => temp.open()).toThrow(/newer than this code supports/);
	});

	it('rolls back a failing migration and stays at the previous version', () => {
		temp.open().close();
		const broken: Migration = {
			version: MIGRATIONS.length + 1,
			name: 'broken',
			up: (db) => {
				db.exec('CREATE TABLE half_done (x)');
				throw new Error('boom');
			},
		};
		expect(() => temp.open({ migrations: [...MIGRATIONS, broken] })).toThrow('boom');
		const db = temp.open();
		expect(schemaVersion(db.connection)).toBe(MIGRATIONS.length);
		expect(db.connection.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
	});

	it('refuses a migration list with a gap', () => {
		const gap: Migration = { version: MIGRATIONS.length + 2, name: 'gap', up: () => {} };
		expect(() => temp.open({ migrations: [...MIGRATIONS, gap] })).toThrow(/expected/);
	});
});
