import { LOG_LEVELS } from '../../shared/api/rest';
import type { LogRecordT, LogStatsT } from '../../shared/api/monitor';
import type { LogRow, MonitorDb } from './db';

export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the writer appends; `at` is required (the engine's event time). */
export interface LogEntry {
	level: LogLevel;
	kind: string;
	message: string;
	provider?: string | null;
	at: number;
	data?: unknown;
}

export interface LogFilter {
	level?: LogLevel;
	kind?: string;
	provider?: string;
	/** Epoch ms, inclusive. */
	since?: number;
	/** Newest first, at most this many; default 100, capped at 10,000. */
	limit?: number;
}

/** Retention defaults: the newest 5,000 entries, none older than 7 days. */
export const DEFAULT_LOG_MAX_ROWS = 5_000;
export const DEFAULT_LOG_MAX_AGE_MS = 7 * 86_400_000;
const MAX_QUERY_LIMIT = 10_000;
const MAX_MESSAGE = 2_000;

function valid(e: unknown): e is LogEntry {
	if (e === null || typeof e !== 'object') return false;
	const x = e as Record<string, unknown>;
	return (
		(LOG_LEVELS as readonly unknown[]).includes(x.level) &&
		typeof x.kind === 'string' &&
		x.kind.length > 0 &&
		x.kind.length <= 32 &&
		typeof x.message === 'string' &&
		typeof x.at === 'number' &&
		Number.isFinite(x.at) &&
		(x.provider === undefined || x.provider === null || typeof x.provider === 'string')
	);
}

const toRecord = (r: LogRow): LogRecordT => ({ id: r.id ?? 0, at: r.at, level: r.level, kind: r.kind, provider: r.provider, message: r.message, data: r.data });

/** The `logs` store: append in batches, query newest first, stats, retention by count and age. */
export class LogStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Writes a batch in one transaction; all-or-nothing: a batch with an invalid entry is refused
	 * whole (returns 0). Returns how many were written.
	 */
	async append(entries: readonly unknown[]): Promise<number> {
		if (entries.length === 0 || !entries.every(valid)) return 0;
		const tx = this.db.transaction('logs', 'readwrite');
		for (const e of entries as readonly LogEntry[]) {
			// `data` is JSON from engine events; anything that would not clone is dropped rather than failing the batch.
			let data: unknown = null;
			try {
				data = e.data === undefined ? null : (JSON.parse(JSON.stringify(e.data) ?? 'null') as unknown);
			} catch {
				data = null;
			}
			void tx.store.add({ at: e.at, level: e.level, kind: e.kind, provider: e.provider ?? null, message: e.message.slice(0, MAX_MESSAGE), data });
		}
		await tx.done;
		return entries.length;
	}

	async query(q: LogFilter = {}): Promise<LogRecordT[]> {
		const limit = Math.min(MAX_QUERY_LIMIT, Math.max(1, Math.floor(q.limit ?? 100)));
		const range = q.since === undefined ? undefined : IDBKeyRange.lowerBound(q.since);
		const out: LogRecordT[] = [];
		const tx = this.db.transaction('logs');
		// Newest first: the `at` index backwards (ties come out by id, also backwards).
		for (let c = await tx.store.index('at').openCursor(range, 'prev'); c && out.length < limit; c = await c.continue()) {
			const r = c.value;
			if (q.level !== undefined && r.level !== q.level) continue;
			if (q.kind !== undefined && r.kind !== q.kind) continue;
			if (q.provider !== undefined && r.provider !== q.provider) continue;
			out.push(toRecord(r));
		}
		await tx.done;
		return out;
	}

	async stats(): Promise<Omit<LogStatsT, 'pending'>> {
		const byLevel = Object.fromEntries(LOG_LEVELS.map((l) => [l, 0])) as Record<LogLevel, number>;
		const byKind: Record<string, number> = {};
		const tx = this.db.transaction('logs');
		for (const level of LOG_LEVELS) byLevel[level] = await tx.store.index('level').count(level);
		for (let c = await tx.store.index('kind').openKeyCursor(null, 'nextunique'); c; c = await c.continue()) {
			byKind[c.key] = await tx.store.index('kind').count(c.key);
		}
		const total = await tx.store.count();
		const oldest = (await tx.store.index('at').openKeyCursor())?.key ?? null;
		const newest = (await tx.store.index('at').openKeyCursor(null, 'prev'))?.key ?? null;
		await tx.done;
		return { total, byLevel, byKind, oldest, newest };
	}

	/** Deletes every entry; returns how many there were. */
	async clear(): Promise<number> {
		const tx = this.db.transaction('logs', 'readwrite');
		const n = await tx.store.count();
		await tx.store.clear();
		await tx.done;
		return n;
	}

	/** Drops entries older than `maxAgeMs` and all but the newest `maxRows`; returns how many. */
	async retain({ maxRows = DEFAULT_LOG_MAX_ROWS, maxAgeMs = DEFAULT_LOG_MAX_AGE_MS }: { maxRows?: number; maxAgeMs?: number } = {}): Promise<number> {
		const tx = this.db.transaction('logs', 'readwrite');
		let deleted = 0;
		for (let c = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(this.now() - maxAgeMs, true)); c; c = await c.continue()) {
			await c.delete();
			deleted++;
		}
		// Ids grow with time: everything below the newest `maxRows` ids goes.
		let excess = (await tx.store.count()) - Math.max(0, Math.floor(maxRows));
		for (let c = await tx.store.openCursor(); c && excess > 0; c = await c.continue(), excess--) {
			await c.delete();
			deleted++;
		}
		await tx.done;
		return deleted;
	}
}
