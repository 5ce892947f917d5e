import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, type Migration } from './migrations';

export const DATABASE_FILE = 'crypto-monitor.db';

export interface OpenDatabaseOptions {
	/** Folder of the database and its backups. Default: `CM_DATA_DIR` from `env`, else `./data`. */
	dataDir?: string;
	/** Where `CM_DATA_DIR` is read. Default: `process.env`. */
	env?: Readonly<Record<string, string | undefined>>;
	/**
	 * `NORMAL` (the default) is safe in WAL mode against a crash of the process, `kill -9` included:
	 * a commit is in the WAL (the OS's page cache) when it returns, and the database is never
	 * corrupted. Only an OS crash or power loss may lose the last commits before a checkpoint. It
	 * saves an fsync per commit, which is most of the cost of the engine's frequent small writes.
	 * `FULL` fsyncs every commit, for hosts where power loss must not lose acknowledged writes.
	 */
	synchronous?: 'NORMAL' | 'FULL';
	/** How long a write waits for another connection's lock before SQLITE_BUSY. Default 5000 ms. */
	busyTimeoutMs?: number;
	/** The schema history; tests pass a prefix to build an older database. Default: all of them. */
	migrations?: readonly Migration[];
	/** Clock for `schema_migrations.applied_at`. Default: `Date.now`. */
	now?: () => number;
}

/**
 * The proxy's SQLite database: one connection, reopened in place by a restore. Consumers ask it for
 * statements (prepared once per connection and cached) and never keep the connection itself, so
 * they keep working after `reopen()`.
 */
export class StoreDb {
	readonly dataDir: string;
	readonly path: string;
	#db: Database.Database;
	#statements = new Map<string, Database.Statement>();
	readonly #options: OpenDatabaseOptions;

	constructor(options: OpenDatabaseOptions = {}) {
		const env = options.env ?? process.env;
		this.#options = options;
		this.dataDir = resolve(options.dataDir ?? env.CM_DATA_DIR ?? './data');
		this.path = join(this.dataDir, DATABASE_FILE);
		mkdirSync(this.dataDir, { recursive: true });
		this.#db = this.#open();
	}

	/** The live connection; do not keep it across a restore. */
	get connection(): Database.Database {
		return this.#db;
	}

	get open(): boolean {
		return this.#db.open;
	}

	/** A prepared statement for this connection (cached by its SQL text). */
	statement<R = unknown>(sql: string): Database.Statement<unknown[], R> {
		let s = this.#statements.get(sql);
		if (!s) {
			s = this.#db.prepare(sql);
			this.#statements.set(sql, s);
		}
		return s as Database.Statement<unknown[], R>;
	}

	/** Runs `fn` in one transaction (BEGIN IMMEDIATE: writers take the lock up front, no upgrade deadlock). */
	transaction<T>(fn: () => T): T {
		return this.#db.transaction(fn).immediate();
	}

	close(): void {
		this.#statements.clear();
		if (this.#db.open) this.#db.close();
	}

	/** Closes and opens the file again (after a restore), running any migrations it needs. */
	reopen(): void {
		this.close();
		this.#db = this.#open();
	}

	#open(): Database.Database {
		const db = new Database(this.path);
		try {
			db.pragma('journal_mode = WAL');
			db.pragma(`synchronous = ${this.#options.synchronous ?? 'NORMAL'}`);
			db.pragma('foreign_keys = ON');
			db.pragma(`busy_timeout = ${Math.max(0, Math.floor(this.#options.busyTimeoutMs ?? 5000))}`);
			migrate(db, this.#options.migrations ?? MIGRATIONS, this.#options.now);
			return db;
		} catch (err) {
			db.close();
			throw err;
		}
	}
}

/** Opens (creating when needed) `${dataDir}/crypto-monitor.db` and brings its schema up to date. */
export function openDatabase(options: OpenDatabaseOptions = {}): StoreDb {
	return new StoreDb(options);
}
