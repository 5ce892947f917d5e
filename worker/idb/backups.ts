import type { BackupInfoT } from '../../shared/api/monitor';
import type { MonitorDb } from './db';

export const DEFAULT_BACKUPS_KEPT = 10;

/** `crypto-monitor-YYYYMMDD-HHMMSS.json`, with `-N` when several are taken within one second. */
const stamp = (ms: number): string => {
	const iso = new Date(ms).toISOString();
	return `crypto-monitor-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
};

/** Same-second backups carry `-N`; a higher N is newer. */
const seqOf = (name: string): number => Number(/-(\d{1,4})\.json$/.exec(name.slice('crypto-monitor-YYYYMMDD-HHMMSS'.length))?.[1] ?? 0);
const newestFirst = (a: { name: string; createdAt: number }, b: { name: string; createdAt: number }): number => b.createdAt - a.createdAt || seqOf(b.name) - seqOf(a.name);

/** The `backups` store: JSON snapshots of what the user set up, newest kept. */
export class BackupStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
		readonly keep = DEFAULT_BACKUPS_KEPT,
	) {}

	/** Stores `json` under a fresh timestamped name and prunes to the newest `keep`. */
	async add(json: string): Promise<BackupInfoT> {
		const createdAt = this.now();
		const bytes = new TextEncoder().encode(json).byteLength;
		const tx = this.db.transaction('backups', 'readwrite');
		const base = stamp(createdAt);
		let name = `${base}.json`;
		for (let i = 1; (await tx.store.getKey(name)) !== undefined; i++) name = `${base}-${i}.json`;
		await tx.store.add({ name, createdAt, bytes, json });
		// Few records (keep + 1): sorted here, so backups taken in the same millisecond keep their order.
		const all: { name: string; createdAt: number }[] = [];
		for (let c = await tx.store.index('createdAt').openKeyCursor(); c; c = await c.continue()) all.push({ name: c.primaryKey, createdAt: c.key });
		for (const old of all.sort(newestFirst).slice(this.keep)) await tx.store.delete(old.name);
		await tx.done;
		return { name, bytes, createdAt };
	}

	/** Newest first, without their contents. */
	async list(): Promise<BackupInfoT[]> {
		return (await this.db.getAll('backups')).map(({ name, bytes, createdAt }) => ({ name, bytes, createdAt })).sort(newestFirst);
	}

	async get(name: string): Promise<string | undefined> {
		return (await this.db.get('backups', name))?.json;
	}
}
