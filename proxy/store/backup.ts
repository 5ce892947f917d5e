import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreDb } from './db';
import { MIGRATIONS, schemaVersion } from './migrations';

export const DEFAULT_BACKUPS_KEPT = 10;
/** `crypto-monitor-YYYYMMDD-HHMMSS.db`, with `-N` when several are taken in one second. */
const BACKUP_NAME = /^crypto-monitor-(\d{8})-(\d{6})(?:-(\d{1,4}))?\.db$/;

export interface BackupInfo {
	name: string;
	bytes: number;
	/** From the name (UTC), epoch ms. */
	createdAt: number;
}

export type RestoreResult = { ok: true; restored: string; schemaVersion: number } | { ok: false; reason: 'not_found' | 'invalid'; message: string };

export interface BackupsOptions {
	/** How many backups `backup()` keeps (the newest); default 10. */
	keep?: number;
	/** Default: `Date.now`. */
	now?: () => number;
}

/** Online backups of the database to `${dataDir}/backups`, listing, pruning and restore. */
export class Backups {
	readonly dir: string;
	readonly #db: StoreDb;
	readonly #keep: number;
	readonly #now: () => number;
	/** Backups and restores run one at a time: two at once would pick the same free name, and a restore closes the connection a backup reads. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor(db: StoreDb, { keep = DEFAULT_BACKUPS_KEPT, now = Date.now }: BackupsOptions = {}) {
		this.#db = db;
		this.dir = join(db.dataDir, 'backups');
		this.#keep = keep;
		this.#now = now;
	}

	/**
	 * Copies the live database with SQLite's online backup (writers are not blocked, the copy is one
	 * consistent state). It is written under a temporary name and renamed, so a crash mid-copy never
	 * leaves a partial file that looks like a backup. Then prunes to the newest `keep`.
	 */
	backup(): Promise<BackupInfo> {
		return this.#serial(() => this.#backupNow());
	}

	async #backupNow(): Promise<BackupInfo> {
		mkdirSync(this.dir, { recursive: true });
		const name = this.#freeName(stamp(this.#now()));
		const partial = join(this.dir, `${name}.partial`);
		try {
			await this.#db.connection.backup(partial);
			// The copy carries the WAL flag of its source; a backup is better as one self-contained file.
			const copy = new Database(partial);
			copy.pragma('journal_mode = DELETE');
			copy.close();
			renameSync(partial, join(this.dir, name));
		} finally {
			rmSync(partial, { force: true });
		}
		this.prune();
		return this.#info(name);
	}

	/** Backups, newest first. */
	list(): BackupInfo[] {
		let names: string[];
		try {
			names = readdirSync(this.dir);
		} catch {
			return [];
		}
		return names
			.filter((n) => BACKUP_NAME.test(n))
			.map((n) => this.#info(n))
			.sort((a, b) => b.createdAt - a.createdAt || seq(b.name) - seq(a.name));
	}

	/** Deletes all but the newest `keep`; returns the names deleted. */
	prune(keep = this.#keep): string[] {
		const gone = this.list().slice(Math.max(0, keep));
		for (const b of gone) rmSync(join(this.dir, b.name), { force: true });
		return gone.map((b) => b.name);
	}

	/**
	 * Replaces the live database with a listed backup. The name must be one `list()` returns, so
	 * no path (`../x`, absolute, odd names) ever reaches the filesystem. The backup is checked first
	 * (integrity, not newer than this code); then the connection is closed, the file copied over
	 * (to a temporary name, then renamed) and reopened, which runs any migrations it needs.
	 */
	restore(name: string): Promise<RestoreResult> {
		return this.#serial(() => this.#restoreNow(name));
	}

	async #restoreNow(name: string): Promise<RestoreResult> {
		const found = this.list().find((b) => b.name === name);
		if (!found) return { ok: false, reason: 'not_found', message: `no backup named '${name}'` };
		const source = join(this.dir, found.name);
		const problem = check(source);
		if (problem) return { ok: false, reason: 'invalid', message: `backup '${name}' cannot be restored: ${problem}` };
		const target = this.#db.path;
		const incoming = `${target}.restoring`;
		copyFileSync(source, incoming);
		this.#db.close();
		try {
			// A cleanly closed WAL database has no -wal/-shm left; any stale one would be replayed onto the restored file.
			rmSync(`${target}-wal`, { force: true });
			rmSync(`${target}-shm`, { force: true });
			renameSync(incoming, target);
		} finally {
			rmSync(incoming, { force: true });
			this.#db.reopen();
		}
		return { ok: true, restored: found.name, schemaVersion: schemaVersion(this.#db.connection) };
	}

	#serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(work);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	#info(name: string): BackupInfo {
		const m = BACKUP_NAME.exec(name);
		const [d = '', t = ''] = m ? [m[1], m[2]] : [];
		const createdAt = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
		return { name, bytes: statSync(join(this.dir, name)).size, createdAt };
	}

	#freeName(base: string): string {
		// Above every number taken this second: a name freed by pruning is never reused, since it would
		// sort as the oldest backup and be pruned at once (the new backup lost, the request a 503).
		const taken = readdirSync(this.dir).filter((n) => n.startsWith(`${base}.`) || n.startsWith(`${base}-`)).filter((n) => BACKUP_NAME.test(n));
		if (taken.length === 0) return `${base}.db`;
		return `${base}-${Math.max(...taken.map(seq)) + 1}.db`;
	}
}

function stamp(ms: number): string {
	const iso = new Date(ms).toISOString(); // 2025-01-02T03:04:05.678Z
	return `crypto-monitor-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function seq(name: string): number {
	return Number(BACKUP_NAME.exec(name)?.[3] ?? 0);
}

/** Why a backup file cannot be restored, or undefined when it can. */
function check(path: string): string | undefined {
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return `integrity check failed (${String(integrity)})`;
		const version = schemaVersion(db);
		if (version > MIGRATIONS.length) return `its schema version ${version} is newer than this code supports (${MIGRATIONS.length})`;
		return undefined;
	} catch (err) {
		return `not a readable database (${(err as Error).message})`;
	} finally {
		db?.close();
	}
}
