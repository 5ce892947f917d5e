import { toCsv } from './csv';
import type { StoreDb } from './db';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a caller logs. Never put an API key in it: logs are exported and served as they are. */
export interface LogEntry {
	level: LogLevel;
	/** What happened, in the engine's words: `request`, `rotation`, `breaker`, `rate-limit`, `error`, `alert` … */
	kind: string;
	message: string;
	provider?: string | null;
	/** Epoch ms; default: now. */
	at?: number;
	/** Any JSON-serialisable detail. */
	data?: unknown;
}

export interface LogRecord {
	id: number;
	at: number;
	level: LogLevel;
	kind: string;
	provider: string | null;
	message: string;
	data: unknown;
}

export interface LogQuery {
	level?: LogLevel | readonly LogLevel[];
	kind?: string;
	provider?: string;
	/** Epoch ms, inclusive. */
	since?: number;
	/** Newest first, at most this many; default 100, capped at 10,000. */
	limit?: number;
}

export interface LogStats {
	total: number;
	byLevel: Record<LogLevel, number>;
	byKind: Record<string, number>;
	oldest: number | null;
	newest: number | null;
}

export interface LogsOptions {
	/** Default: `Date.now`. */
	now?: () => number;
	/** Retention by age; default 7 days. */
	maxAgeDays?: number;
	/** Retention by count (the newest are kept); default 100,000. */
	maxRows?: number;
}

export const DEFAULT_LOG_MAX_AGE_DAYS = 7;
export const DEFAULT_LOG_MAX_ROWS = 100_000;
const MAX_QUERY_LIMIT = 10_000;
const DAY_MS = 86_400_000;

interface LogRow {
	id: number;
	at: number;
	level: LogLevel;
	kind: string;
	provider: string | null;
	message: string;
	data: string | null;
}

/** The `logs` table: append, query, stats, retention and export. */
export class Logs {
	readonly #db: StoreDb;
	readonly #now: () => number;
	readonly maxAgeDays: number;
	readonly maxRows: number;

	constructor(db: StoreDb, { now = Date.now, maxAgeDays = DEFAULT_LOG_MAX_AGE_DAYS, maxRows = DEFAULT_LOG_MAX_ROWS }: LogsOptions = {}) {
		this.#db = db;
		this.#now = now;
		this.maxAgeDays = maxAgeDays;
		this.maxRows = maxRows;
	}

	/** Writes entries (several in one transaction: one commit instead of one per row); returns their ids. */
	append(entries: LogEntry | readonly LogEntry[]): number[] {
		const list = Array.isArray(entries) ? (entries as readonly LogEntry[]) : [entries as LogEntry];
		const insert = this.#db.statement('INSERT INTO logs (at, level, kind, provider, message, data) VALUES (?, ?, ?, ?, ?, ?)');
		const write = () =>
			list.map((e) => {
				const data = e.data === undefined ? null : (JSON.stringify(e.data) ?? null);
				return Number(insert.run(e.at ?? this.#now(), e.level, e.kind, e.provider ?? null, e.message, data).lastInsertRowid);
			});
		return list.length > 1 ? this.#db.transaction(write) : write();
	}

	query(q: LogQuery = {}): LogRecord[] {
		const { where, args } = filter(q);
		const limit = Math.min(MAX_QUERY_LIMIT, Math.max(1, Math.floor(q.limit ?? 100)));
		// Built from fixed fragments only; every value is a bound parameter.
		const rows = this.#db.statement<LogRow>(`SELECT * FROM logs ${where} ORDER BY at DESC, id DESC LIMIT ?`).all(...args, limit);
		return rows.map(toRecord);
	}

	stats(): LogStats {
		const byLevel = Object.fromEntries(LOG_LEVELS.map((l) => [l, 0])) as Record<LogLevel, number>;
		for (const r of this.#db.statement<{ level: LogLevel; n: number }>('SELECT level, COUNT(*) AS n FROM logs GROUP BY level').all()) byLevel[r.level] = r.n;
		const byKind: Record<string, number> = {};
		for (const r of this.#db.statement<{ kind: string; n: number }>('SELECT kind, COUNT(*) AS n FROM logs GROUP BY kind ORDER BY kind').all()) byKind[r.kind] = r.n;
		const span = this.#db.statement<{ total: number; oldest: number | null; newest: number | null }>('SELECT COUNT(*) AS total, MIN(at) AS oldest, MAX(at) AS newest FROM logs').get();
		return { total: span?.total ?? 0, byLevel, byKind, oldest: span?.oldest ?? null, newest: span?.newest ?? null };
	}

	/** Deletes every log; returns how many. */
	clear(): number {
		return this.#db.statement('DELETE FROM logs').run().changes;
	}

	/** Deletes logs older than `maxAgeDays` and all but the newest `maxRows`; returns how many. */
	retain({ maxAgeDays = this.maxAgeDays, maxRows = this.maxRows }: { maxAgeDays?: number; maxRows?: number } = {}): number {
		return this.#db.transaction(() => {
			const old = this.#db.statement('DELETE FROM logs WHERE at < ?').run(this.#now() - maxAgeDays * DAY_MS).changes;
			// ids grow with time, so the newest rows are the highest ids.
			const cut = this.#db.statement<{ id: number }>('SELECT id FROM logs ORDER BY id DESC LIMIT 1 OFFSET ?').get(Math.max(0, Math.floor(maxRows)));
			const extra = cut ? this.#db.statement('DELETE FROM logs WHERE id <= ?').run(cut.id).changes : 0;
			return old + extra;
		});
	}

	exportJson(q: LogQuery = {}): string {
		return JSON.stringify(this.query({ limit: MAX_QUERY_LIMIT, ...q }));
	}

	exportCsv(q: LogQuery = {}): string {
		const rows = this.query({ limit: MAX_QUERY_LIMIT, ...q });
		return toCsv(
			['id', 'at', 'level', 'kind', 'provider', 'message', 'data'],
			rows.map((r) => [r.id, new Date(r.at).toISOString(), r.level, r.kind, r.provider, r.message, r.data === null ? '' : JSON.stringify(r.data)]),
		);
	}
}

function filter(q: LogQuery): { where: string; args: unknown[] } {
	const parts: string[] = [];
	const args: unknown[] = [];
	if (q.level !== undefined) {
		const levels = typeof q.level === 'string' ? [q.level] : [...q.level];
		parts.push(`level IN (${levels.map(() => '?').join(', ') || 'NULL'})`);
		args.push(...levels);
	}
	if (q.kind !== undefined) {
		parts.push('kind = ?');
		args.push(q.kind);
	}
	if (q.provider !== undefined) {
		parts.push('provider = ?');
		args.push(q.provider);
	}
	if (q.since !== undefined) {
		parts.push('at >= ?');
		args.push(q.since);
	}
	return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

function toRecord(r: LogRow): LogRecord {
	return { id: r.id, at: r.at, level: r.level, kind: r.kind, provider: r.provider, message: r.message, data: r.data === null ? null : JSON.parse(r.data) };
}
