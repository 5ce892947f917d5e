import { Hono, type Context } from 'hono';
import { ErrorLogsQuery, LogsExportQuery, LogsQuery, RecentLogsQuery } from '../../shared/api/rest';
import type { Engine, EngineEvents } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import type { LogEntry, Logs } from '../store';

export interface EventLogOptions {
	/** How often pending entries are written, ms. Default 1,000. */
	flushMs?: number;
	/** How often retention runs, ms. Default one hour. */
	retentionMs?: number;
	/** Entries held between writes; more are dropped (and counted). Default 10,000. */
	maxPending?: number;
	/** Last line of defence: applied to every message and detail before it is stored. */
	redact?: (text: string) => string;
	/** Called when a write or retention fails (the default says so on stderr). */
	onError?: (error: unknown) => void;
}

/** Replaces every occurrence of any of `secrets` (the configured API keys) with `[redacted]`. */
export function secretRedactor(secrets: readonly string[]): (text: string) => string {
	// Short values would redact ordinary words; real keys are longer than this.
	const list = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
	if (list.length === 0) return (text) => text;
	return (text) => {
		let out = text;
		for (const s of list) if (out.includes(s)) out = out.split(s).join('[redacted]');
		return out;
	};
}

/**
 * The engine's event stream written to the `logs` table: failed requests, breaker transitions,
 * rotations, rate limits, errors, deviations and alerts. Entries are buffered and written in one
 * transaction per `flushMs`; retention runs every `retentionMs`. Successful requests are not
 * logged (they are counted in the stats).
 */
export class EventLog {
	readonly #engine: Engine;
	readonly #logs: Logs;
	readonly #flushMs: number;
	readonly #retentionMs: number;
	readonly #maxPending: number;
	readonly #redact: (text: string) => string;
	readonly #onError: (error: unknown) => void;
	#pending: LogEntry[] = [];
	#dropped = 0;
	#off: Array<() => void> = [];
	#timers: ReturnType<typeof setInterval>[] = [];

	constructor(engine: Engine, logs: Logs, { flushMs = 1_000, retentionMs = 3_600_000, maxPending = 10_000, redact = (t) => t, onError = (e) => console.error('log write failed:', e instanceof Error ? e.message : e) }: EventLogOptions = {}) {
		this.#engine = engine;
		this.#logs = logs;
		this.#flushMs = flushMs;
		this.#retentionMs = retentionMs;
		this.#maxPending = maxPending;
		this.#redact = redact;
		this.#onError = onError;
	}

	/** Subscribes to the engine and starts the write and retention timers. */
	start(): this {
		if (this.#off.length > 0) return this;
		const ev = this.#engine.events;
		this.#off.push(
			ev.on('request', (e) => {
				if (!e.ok) this.push({ level: 'warn', kind: 'request', provider: e.provider, at: e.at, message: `${e.provider} ${e.capability} failed: ${e.kind ?? 'unknown'}`, data: { ...e } });
			}),
			ev.on('breaker', (e) => this.push({ level: e.to === 'closed' ? 'info' : 'warn', kind: 'breaker', provider: e.provider, at: e.at, message: `${e.provider} breaker ${e.from} -> ${e.to}: ${e.reason}`, data: { ...e } })),
			ev.on('rotation', (e) => this.push({ level: 'info', kind: 'rotation', provider: e.to, at: e.at, message: `${e.capability}: ${e.from} -> ${e.to} (${e.reason})`, data: { ...e } })),
			ev.on('rate-limit', (e) => this.push({ level: 'warn', kind: 'rate-limit', provider: e.provider, at: e.at, message: `${e.provider} rate-limited until ${new Date(e.until).toISOString()}: ${e.reason}`, data: { ...e } })),
			ev.on('error', (e) => this.push({ level: 'error', kind: 'error', at: e.at, message: `${e.capability} failed after ${e.attempts} attempt(s): ${e.message}`, data: { ...e } })),
			ev.on('deviation', (e) => this.push({ level: 'warn', kind: 'deviation', provider: e.provider, at: e.at, message: `${e.provider} ${e.capability} deviates ${e.deviationPct.toFixed(2)}% from the median`, data: { ...e } })),
			ev.on('alert', (e) => this.push({ level: 'warn', kind: 'alert', at: e.at, message: `${e.kind}: ${e.message}`, data: { ...e } }))
		);
		const flush = setInterval(() => this.flush(), this.#flushMs);
		const retain = setInterval(() => this.retain(), this.#retentionMs);
		flush.unref();
		retain.unref();
		this.#timers.push(flush, retain);
		return this;
	}

	/** Queues one entry (redacted); beyond `maxPending` it is dropped and counted. */
	push(entry: LogEntry): void {
		if (this.#pending.length >= this.#maxPending) {
			this.#dropped++;
			return;
		}
		const data = entry.data === undefined ? undefined : (JSON.parse(this.#redact(JSON.stringify(entry.data) ?? 'null')) as unknown);
		this.#pending.push({ ...entry, message: this.#redact(entry.message), data });
	}

	get pending(): number {
		return this.#pending.length;
	}

	/** Writes what is pending in one transaction; returns how many entries were written. */
	flush(): number {
		const batch = this.#pending;
		if (this.#dropped > 0) {
			batch.push({ level: 'warn', kind: 'log', message: `${this.#dropped} log entries dropped: more than ${this.#maxPending} arrived within one write interval` });
			this.#dropped = 0;
		}
		if (batch.length === 0) return 0;
		this.#pending = [];
		try {
			this.#logs.append(batch);
			return batch.length;
		} catch (error) {
			this.#onError(error);
			return 0;
		}
	}

	/** Deletes entries past the retention limits; returns how many. */
	retain(): number {
		try {
			return this.#logs.retain();
		} catch (error) {
			this.#onError(error);
			return 0;
		}
	}

	/** Unsubscribes, stops the timers and writes what is left. */
	close(): void {
		for (const off of this.#off) off();
		for (const t of this.#timers) clearInterval(t);
		this.#off = [];
		this.#timers = [];
		this.flush();
	}
}

export interface LogRoutesOptions {
	/** Absent when the proxy runs without a database: every route then answers 503. */
	logs?: Logs;
	/** The writer, flushed before each read so answers include the last second's events. */
	eventLog?: EventLog;
	adminToken: string;
	now: () => number;
}

const noDatabase = (c: Context) => c.json({ error: 'logs need the database, and this proxy runs without one' }, 503);
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');

/** `/api/logs…`: query, recent, errors, stats, JSON and CSV export; deleting needs the admin token. */
export function logRoutes({ logs, eventLog, adminToken, now }: LogRoutesOptions) {
	const admin = adminOnly({ token: adminToken });
	const store = (): Logs | undefined => {
		eventLog?.flush();
		return logs;
	};

	return new Hono()
		.get('/api/logs', validate('query', LogsQuery), (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			const found = l.query(c.req.valid('query'));
			return c.json({ logs: found, total: found.length }, 200);
		})
		.get('/api/logs/recent', validate('query', RecentLogsQuery), (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			const found = l.query({ limit: c.req.valid('query').limit });
			return c.json({ logs: found, total: found.length }, 200);
		})
		.get('/api/logs/errors', validate('query', ErrorLogsQuery), (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			const found = l.query({ ...c.req.valid('query'), level: 'error' });
			return c.json({ logs: found, total: found.length }, 200);
		})
		.get('/api/logs/stats', (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			return c.json({ ...l.stats(), pending: eventLog?.pending ?? 0 }, 200);
		})
		.get('/api/logs/export/json', validate('query', LogsExportQuery), (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			c.header('Content-Disposition', `attachment; filename="crypto-monitor-logs-${stamp(now())}.json"`);
			return c.body(l.exportJson(c.req.valid('query')), 200, { 'Content-Type': 'application/json; charset=utf-8' });
		})
		.get('/api/logs/export/csv', validate('query', LogsExportQuery), (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			c.header('Content-Disposition', `attachment; filename="crypto-monitor-logs-${stamp(now())}.csv"`);
			return c.body(l.exportCsv(c.req.valid('query')), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
		})
		.delete('/api/logs', admin, (c) => {
			const l = store();
			if (!l) return noDatabase(c);
			return c.json({ deleted: l.clear() }, 200);
		});
}

/** The kinds of engine event the log records (for docs and tests). */
export const LOGGED_EVENTS: readonly (keyof EngineEvents)[] = ['request', 'breaker', 'rotation', 'rate-limit', 'error', 'deviation', 'alert'];
