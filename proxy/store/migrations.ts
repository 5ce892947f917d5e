import type Database from 'better-sqlite3';

/**
 * The schema's history. Append only: a released migration is never edited, a change is a new one.
 * Each runs in its own transaction with its row in `schema_migrations`, so a crash mid-upgrade
 * leaves the database at the previous version, and the next open resumes from there.
 */
export interface Migration {
	readonly version: number;
	readonly name: string;
	up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'base',
		up(db) {
			db.exec(`
				-- Small JSON values behind the engine's Store port (quota:<id>, breaker:<id>, symbols:learned …).
				CREATE TABLE kv (
					key TEXT PRIMARY KEY,
					value TEXT NOT NULL,
					updated_at INTEGER NOT NULL
				) WITHOUT ROWID;
				-- Providers added at run time; the spec is validated by user-provider.ts before it gets here.
				CREATE TABLE user_providers (
					id TEXT PRIMARY KEY,
					spec TEXT NOT NULL CHECK (json_valid(spec)),
					updated_at INTEGER NOT NULL
				);
				CREATE TABLE pools (
					id TEXT PRIMARY KEY,
					config TEXT NOT NULL CHECK (json_valid(config)),
					updated_at INTEGER NOT NULL
				);
				CREATE TABLE logs (
					id INTEGER PRIMARY KEY,
					at INTEGER NOT NULL,
					level TEXT NOT NULL,
					kind TEXT NOT NULL,
					provider TEXT,
					message TEXT NOT NULL,
					data TEXT
				);
			`);
		},
	},
	{
		version: 2,
		name: 'logs index, rotation history, stats snapshots',
		up(db) {
			db.exec(`
				-- Retention and "since" queries scan by time.
				CREATE INDEX logs_at ON logs (at);
				CREATE TABLE rotation_history (
					id INTEGER PRIMARY KEY,
					at INTEGER NOT NULL,
					pool TEXT NOT NULL,
					capability TEXT NOT NULL,
					from_provider TEXT NOT NULL,
					to_provider TEXT NOT NULL,
					reason TEXT NOT NULL
				);
				CREATE INDEX rotation_history_at ON rotation_history (at);
				CREATE TABLE stats_snapshots (
					provider TEXT NOT NULL,
					capability TEXT NOT NULL,
					snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
					updated_at INTEGER NOT NULL,
					PRIMARY KEY (provider, capability)
				) WITHOUT ROWID;
			`);
		},
	},
	{
		version: 3,
		name: 'created_at on user providers and pools',
		up(db) {
			// Existing rows get their last change as their creation: the best that is known of them.
			db.exec(`
				ALTER TABLE user_providers ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
				UPDATE user_providers SET created_at = updated_at;
				ALTER TABLE pools ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
				UPDATE pools SET created_at = updated_at;
			`);
		},
	},
	{
		version: 4,
		name: 'alert rules, alerts, webhooks, push subscriptions',
		up(db) {
			// Rules and alerts are validated JSON (shared/alerts); webhook secrets are write-only (never read back out by a route).
			db.exec(`
				CREATE TABLE alert_rules (id TEXT PRIMARY KEY, rule TEXT NOT NULL CHECK (json_valid(rule)), created_at INTEGER NOT NULL);
				CREATE TABLE alerts (id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, at INTEGER NOT NULL, alert TEXT NOT NULL CHECK (json_valid(alert)));
				CREATE INDEX alerts_at ON alerts (at);
				CREATE TABLE alert_webhooks (id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, secret TEXT, created_at INTEGER NOT NULL);
				CREATE TABLE push_subscriptions (endpoint TEXT PRIMARY KEY, subscription TEXT NOT NULL CHECK (json_valid(subscription)), created_at INTEGER NOT NULL);
			`);
		},
	},
	{
		version: 5,
		name: 'incidents (status history)',
		up(db) {
			// One row per breaker incident (shared/api/incidents.ts), updated in place as it re-opens and ends; kept a year.
			db.exec(`
				CREATE TABLE incidents (
					id TEXT PRIMARY KEY,
					provider TEXT NOT NULL,
					capability TEXT,
					started_at INTEGER NOT NULL,
					ended_at INTEGER,
					cause TEXT,
					reason TEXT NOT NULL,
					reopened INTEGER NOT NULL DEFAULT 0
				);
				CREATE INDEX incidents_provider_started ON incidents (provider, started_at);
				CREATE INDEX incidents_started ON incidents (started_at);
			`);
		},
	},
	{
		version: 6,
		name: 'discovery runs and candidates',
		up(db) {
			// Candidates are the CandidateView JSON (shared/api/discovery.ts) keyed by id, unique by URL; runs are the history.
			db.exec(`
				CREATE TABLE discovery_runs (
					id INTEGER PRIMARY KEY,
					trigger TEXT NOT NULL,
					started_at INTEGER NOT NULL,
					finished_at INTEGER,
					total INTEGER NOT NULL DEFAULT 0,
					probed INTEGER NOT NULL DEFAULT 0,
					accepted INTEGER NOT NULL DEFAULT 0,
					rejected INTEGER NOT NULL DEFAULT 0,
					source_errors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(source_errors))
				);
				CREATE TABLE discovery_candidates (
					id TEXT PRIMARY KEY,
					url TEXT NOT NULL UNIQUE,
					candidate TEXT NOT NULL CHECK (json_valid(candidate)),
					updated_at INTEGER NOT NULL
				);
			`);
		},
	},
];

export class DatabaseTooNewError extends Error {
	constructor(
		readonly found: number,
		readonly supported: number,
	) {
		super(`the database is at schema version ${found}, newer than this code supports (${supported}); upgrade crypto-monitor or restore an older backup`);
		this.name = 'DatabaseTooNewError';
	}
}

/** The highest version recorded in `schema_migrations` (0 for a new database). */
export function schemaVersion(db: Database.Database): number {
	const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
	if (!table) return 0;
	const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
	return row.v ?? 0;
}

/**
 * Brings the database up to the last migration. Each step takes the write lock first (IMMEDIATE)
 * and re-reads the version inside it, so two processes opening one file at once never run a step twice.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, now: () => number = Date.now): number {
	migrations.forEach((m, i) => {
		if (m.version !== i + 1) throw new Error(`migration '${m.name}' has version ${m.version}, expected ${i + 1}`);
	});
	const latest = migrations.length;
	db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
	const found = schemaVersion(db);
	if (found > latest) throw new DatabaseTooNewError(found, latest);
	const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
	for (const m of migrations.slice(found)) {
		db.transaction(() => {
			if (schemaVersion(db) >= m.version) return;
			m.up(db);
			record.run(m.version, m.name, now());
		}).immediate();
	}
	return latest;
}
