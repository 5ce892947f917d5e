import type { DataAnswer, DataOptions, Result } from '../shared/api/monitor';
import { fail, ok } from '../shared/api/monitor';
import type { Clock, TimerHandle } from '../shared/engine/ports';
import { requestKey, stableJson } from './api';

export type Answer = DataAnswer<unknown>;
export type Listener = (r: Result<Answer>) => unknown;

export interface SchedulerDeps {
	clock: Clock;
	/** One request (the engine's get, or the leading tab's). */
	fetch: (capability: string, params: unknown, options: DataOptions | undefined) => Promise<Result<Answer>>;
	/** The last known answer for a request key (IndexedDB `answers`). */
	recall: (key: string) => Promise<Answer | undefined>;
	remember: (key: string, answer: Answer) => Promise<unknown>;
}

/** Shortest polling interval, ms: a screen asking for less would only spend providers' quotas. */
export const MIN_INTERVAL_MS = 1_000;
/** Longest, ms (an hour). */
export const MAX_INTERVAL_MS = 3_600_000;

interface Watch {
	readonly id: number;
	readonly intervalMs: number;
	readonly onResult: Listener;
}

interface Group {
	readonly key: string;
	readonly capability: string;
	readonly params: unknown;
	readonly options: DataOptions | undefined;
	readonly watches: Map<number, Watch>;
	timer: TimerHandle | undefined;
	/** When the timer fires. */
	dueAt: number;
	inflight: boolean;
	/** A fresh answer has been delivered: the last known one is no longer shown. */
	fresh: boolean;
	/** The last good answer (from IndexedDB at first, then the latest ok answer). */
	known: Answer | undefined;
	last: Result<Answer> | undefined;
}

/** The last known answer as a stand-in: served from storage, marked stale, with its real ts. */
const asStale = (a: Answer): Answer => ({ ...a, cached: true, stale: true });

/**
 * Polling behind `watch`/`unwatch`. Identical watches (same capability, params and options) share
 * one timer and one request, polled at the shortest interval any of them asked for. A new watch
 * gets the last known answer at once (marked stale, with its real age) unless a fresh one is
 * already there; every ok answer is remembered; when a poll fails and a good answer is known, that
 * answer is delivered again marked stale, so an offline screen keeps showing data with its age.
 *
 * It also runs the periodic health probes of the leading tab (`startProbes`).
 */
export class Scheduler {
	readonly #deps: SchedulerDeps;
	readonly #groups = new Map<string, Group>();
	readonly #byWatch = new Map<number, Group>();
	#seq = 0;
	#probeTimer: TimerHandle | undefined;
	/** Bumped by stopProbes, so a probe still running when stopped does not start another round. */
	#probeGeneration = 0;
	#closed = false;

	constructor(deps: SchedulerDeps) {
		this.#deps = deps;
	}

	/** Starts (or joins) polling; returns the id for `unwatch`. */
	watch(capability: string, params: unknown, intervalMs: number, onResult: Listener, options?: DataOptions): number {
		const id = ++this.#seq;
		const interval = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Number.isFinite(intervalMs) ? Math.floor(intervalMs) : MIN_INTERVAL_MS));
		const key = requestKey(capability, params);
		const groupKey = `${key}|${stableJson(options ?? {})}`;
		let group = this.#groups.get(groupKey);
		const watch: Watch = { id, intervalMs: interval, onResult };
		if (group) {
			group.watches.set(id, watch);
			this.#byWatch.set(id, group);
			// Join with what the others see now; the next poll comes sooner if this one asks for it.
			if (group.last) this.#send(watch, group.last);
			const now = this.#deps.clock.now();
			if (!group.inflight && group.timer && group.dueAt > now + interval) this.#schedule(group, interval);
			return id;
		}
		group = { key, capability, params, options, watches: new Map([[id, watch]]), timer: undefined, dueAt: 0, inflight: false, fresh: false, known: undefined, last: undefined };
		this.#groups.set(groupKey, group);
		this.#byWatch.set(id, group);
		const g = group;
		void this.#deps.recall(key).then(
			(a) => {
				if (!a || g.fresh || !this.#live(g)) return;
				g.known ??= a;
				this.#deliver(g, ok(asStale(a)));
			},
			() => undefined,
		);
		void this.#poll(g);
		return id;
	}

	unwatch(id: number): void {
		const group = this.#byWatch.get(id);
		if (!group) return;
		this.#byWatch.delete(id);
		group.watches.delete(id);
		if (group.watches.size > 0) return;
		if (group.timer) this.#deps.clock.clearTimeout(group.timer);
		group.timer = undefined;
		for (const [k, g] of this.#groups) if (g === group) this.#groups.delete(k);
	}

	/** Watches currently active (for tests and the status line). */
	get watching(): number {
		return this.#byWatch.size;
	}

	/** Distinct requests being polled. */
	get polling(): number {
		return this.#groups.size;
	}

	#live(g: Group): boolean {
		return !this.#closed && g.watches.size > 0;
	}

	#interval(g: Group): number {
		let min = MAX_INTERVAL_MS;
		for (const w of g.watches.values()) min = Math.min(min, w.intervalMs);
		return min;
	}

	#schedule(g: Group, ms = this.#interval(g)): void {
		if (g.timer) this.#deps.clock.clearTimeout(g.timer);
		g.dueAt = this.#deps.clock.now() + ms;
		g.timer = this.#deps.clock.setTimeout(() => {
			g.timer = undefined;
			void this.#poll(g);
		}, ms);
	}

	async #poll(g: Group): Promise<void> {
		if (g.inflight || !this.#live(g)) return;
		g.inflight = true;
		let r: Result<Answer>;
		try {
			r = await this.#deps.fetch(g.capability, g.params, g.options);
		} catch (error) {
			r = fail('internal', error instanceof Error ? error.message : String(error));
		}
		g.inflight = false;
		if (!this.#live(g)) return;
		if (r.ok) {
			if (!r.value.stale) {
				g.fresh = true;
				g.known = r.value;
				void this.#deps.remember(g.key, r.value).catch(() => undefined);
				this.#deliver(g, r);
			} else {
				// The engine's own stale answer, or ours if it is newer.
				this.#deliver(g, g.known && g.known.ts > r.value.ts ? ok(asStale(g.known)) : r);
			}
		} else if (g.known) {
			this.#deliver(g, ok(asStale(g.known)));
		} else {
			this.#deliver(g, r);
		}
		this.#schedule(g);
	}

	#deliver(g: Group, r: Result<Answer>): void {
		g.last = r;
		for (const w of [...g.watches.values()]) this.#send(w, r);
	}

	/** A listener that throws or whose page is gone (a rejected comlink call) is unwatched. */
	#send(w: Watch, r: Result<Answer>): void {
		try {
			const back = w.onResult(r);
			if (back instanceof Promise) back.catch(() => this.unwatch(w.id));
		} catch {
			this.unwatch(w.id);
		}
	}

	/** Runs `probe` every `everyMs` (the first after one interval) until `stopProbes` or `close`. */
	startProbes(probe: () => Promise<unknown>, everyMs: number): void {
		this.stopProbes();
		const generation = this.#probeGeneration;
		const loop = () => {
			this.#probeTimer = this.#deps.clock.setTimeout(() => {
				this.#probeTimer = undefined;
				void probe()
					.catch(() => undefined)
					.finally(() => {
						if (generation === this.#probeGeneration && !this.#closed) loop();
					});
			}, everyMs);
		};
		loop();
	}

	stopProbes(): void {
		this.#probeGeneration++;
		if (this.#probeTimer) this.#deps.clock.clearTimeout(this.#probeTimer);
		this.#probeTimer = undefined;
	}

	close(): void {
		this.#closed = true;
		this.stopProbes();
		for (const g of this.#groups.values()) if (g.timer) this.#deps.clock.clearTimeout(g.timer);
		this.#groups.clear();
		this.#byWatch.clear();
	}
}
