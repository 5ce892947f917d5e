import type { Engine } from '../shared/engine';
import type { Clock, TimerHandle } from '../shared/engine/ports';
import type { LogEntry, LogStore } from './idb/logs';

export interface EventLogOptions {
	/** How often pending entries are written, ms. Default 1,000. */
	flushMs?: number;
	/** How often retention runs, ms. Default one hour. */
	retentionMs?: number;
	/** Entries held between writes; more are dropped (and counted). Default 2,000. */
	maxPending?: number;
	/** Last line of defence: applied to every message and detail before it is stored. */
	redact?: (text: string) => string;
}

/** Replaces every occurrence of any of `secrets` (the user's keys) with `[redacted]`. */
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
 * The engine's events written to the IndexedDB `logs` store, as the proxy writes them to SQLite
 * (same kinds, levels and messages): failed requests, breaker transitions, rotations, rate limits,
 * errors, deviations and alerts. Buffered and written in one transaction per `flushMs`; retention
 * (newest 5,000, 7 days) every `retentionMs`. Successful requests are counted in the stats instead.
 */
export class EventLog {
	readonly #store: LogStore;
	readonly #clock: Clock;
	readonly #flushMs: number;
	readonly #retentionMs: number;
	readonly #maxPending: number;
	#redact: (text: string) => string;
	#pending: LogEntry[] = [];
	#dropped = 0;
	#off: Array<() => void> = [];
	#flushTimer: TimerHandle | undefined;
	#retainTimer: TimerHandle | undefined;
	#writing: Promise<unknown> = Promise.resolve();
	#failures = 0;

	constructor(store: LogStore, clock: Clock, { flushMs = 1_000, retentionMs = 3_600_000, maxPending = 2_000, redact = (t) => t }: EventLogOptions = {}) {
		this.#store = store;
		this.#clock = clock;
		this.#flushMs = flushMs;
		this.#retentionMs = retentionMs;
		this.#maxPending = maxPending;
		this.#redact = redact;
	}

	set redact(fn: (text: string) => string) {
		this.#redact = fn;
	}

	/** Subscribes to one engine's events (after a rebuild: to the new one; the old one is let go). */
	attach(engine: Engine): void {
		this.detach();
		const ev = engine.events;
		this.#off.push(
			ev.on('request', (e) => {
				if (!e.ok) this.push({ level: 'warn', kind: 'request', provider: e.provider, at: e.at, message: `${e.provider} ${e.capability} failed: ${e.kind ?? 'unknown'}`, data: { ...e } });
			}),
			ev.on('breaker', (e) => this.push({ level: e.to === 'closed' ? 'info' : 'warn', kind: 'breaker', provider: e.provider, at: e.at, message: `${e.provider} breaker ${e.from} -> ${e.to}: ${e.reason}`, data: { ...e } })),
			ev.on('rotation', (e) => this.push({ level: 'info', kind: 'rotation', provider: e.to, at: e.at, message: `${e.capability}: ${e.from} -> ${e.to} (${e.reason})`, data: { ...e } })),
			ev.on('rate-limit', (e) => this.push({ level: 'warn', kind: 'rate-limit', provider: e.provider, at: e.at, message: `${e.provider} rate-limited until ${new Date(e.until).toISOString()}: ${e.reason}`, data: { ...e } })),
			ev.on('error', (e) => this.push({ level: 'error', kind: 'error', at: e.at, message: `${e.capability} failed after ${e.attempts} attempt(s): ${e.message}`, data: { ...e } })),
			ev.on('deviation', (e) => this.push({ level: 'warn', kind: 'deviation', provider: e.provider, at: e.at, message: `${e.provider} ${e.capability} deviates ${e.deviationPct.toFixed(2)}% from the median`, data: { ...e } })),
			ev.on('alert', (e) => this.push({ level: 'warn', kind: 'alert', at: e.at, message: `${e.kind}: ${e.message}`, data: { ...e } })),
		);
		if (!this.#retainTimer) {
			// Once at start too: pages are often shorter than the retention interval.
			this.#writing = this.#writing.then(() => this.#store.retain().catch(() => this.#failures++));
			this.#scheduleRetention();
		}
	}

	detach(): void {
		for (const off of this.#off) off();
		this.#off = [];
	}

	/** Queues one entry (redacted); beyond `maxPending` it is dropped and counted. */
	push(entry: LogEntry): void {
		if (this.#pending.length >= this.#maxPending) {
			this.#dropped++;
			return;
		}
		let data: unknown = null;
		try {
			data = entry.data === undefined ? null : (JSON.parse(this.#redact(JSON.stringify(entry.data) ?? 'null')) as unknown);
		} catch {
			data = null;
		}
		this.#pending.push({ ...entry, message: this.#redact(entry.message), data });
		if (!this.#flushTimer) {
			this.#flushTimer = this.#clock.setTimeout(() => {
				this.#flushTimer = undefined;
				void this.flush();
			}, this.#flushMs);
		}
	}

	get pending(): number {
		return this.#pending.length;
	}

	/** Write failures seen (IndexedDB full or gone); the entries of a failed write are lost. */
	get failures(): number {
		return this.#failures;
	}

	/** Writes what is pending in one transaction (after any write already running); resolves with how many. */
	flush(): Promise<number> {
		const batch = this.#pending;
		this.#pending = [];
		if (this.#dropped > 0) {
			batch.push({ level: 'warn', kind: 'log', at: this.#clock.now(), message: `${this.#dropped} log entries dropped: more than ${this.#maxPending} arrived within one write interval` });
			this.#dropped = 0;
		}
		const run = this.#writing.then(async () => {
			if (batch.length === 0) return 0;
			try {
				return await this.#store.append(batch);
			} catch {
				this.#failures++;
				return 0;
			}
		});
		this.#writing = run;
		return run;
	}

	#scheduleRetention(): void {
		this.#retainTimer = this.#clock.setTimeout(() => {
			this.#writing = this.#writing.then(() => this.#store.retain().catch(() => this.#failures++));
			this.#scheduleRetention();
		}, this.#retentionMs);
	}

	/** Unsubscribes, stops the timers and writes what is left. */
	async close(): Promise<void> {
		this.detach();
		if (this.#flushTimer) this.#clock.clearTimeout(this.#flushTimer);
		if (this.#retainTimer) this.#clock.clearTimeout(this.#retainTimer);
		this.#flushTimer = undefined;
		this.#retainTimer = undefined;
		await this.flush();
	}
}
