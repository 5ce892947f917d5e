import { fail, type Result } from '../shared/api/monitor';
import { systemClock, type Clock, type TimerHandle } from '../shared/engine/ports';

/**
 * One engine for all of the app's tabs. Each tab's worker asks for the Web Lock
 * `crypto-monitor-engine`; the one that gets it leads: it builds the engine and holds the lock for
 * its life. The others follow: each MonitorApi call goes over the BroadcastChannel
 * `crypto-monitor` to the leader, which answers on the same channel. So the tabs share one
 * engine's state (breakers, quotas, cache, in-flight requests) and one set of upstream calls.
 *
 * Protocol (every message carries `proto`, so other traffic on the channel is ignored):
 * - `{ type: 'call', id, method, args }`: a follower asks; `id` is `<tabId>:<n>`, unique.
 * - `{ type: 'reply', id, result }`: the leader answers (a Result, never an exception).
 * - `{ type: 'leader', tab }`: a tab has just become leader and built its engine.
 * A follower waits on the lock too. When the leading tab closes, the browser releases its lock,
 * the next waiting tab becomes leader, builds the engine (from IndexedDB: quotas, breakers, stats,
 * pools) and announces itself; followers then send again every call still unanswered (the old
 * leader may have died with them), and its own unanswered calls run locally. The leader ignores a
 * call id it has already taken, so a call sent twice runs once. A call with no answer within
 * `timeoutMs` resolves to `tab_timeout`.
 */

export const ENGINE_LOCK = 'crypto-monitor-engine';
export const TAB_CHANNEL = 'crypto-monitor';
const PROTO = 'crypto-monitor/tabs/1';
/** Call ids remembered by a leader to drop repeats. */
const SEEN_LIMIT = 2_000;

/** The part of `navigator.locks` used here (tests pass an in-memory one). */
export interface LockManagerLike {
	request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	close(): void;
}

/** What answers calls in the leading tab. */
export type Handler = (method: string, args: readonly unknown[]) => Promise<Result<unknown>>;

export interface TabLinkOptions {
	locks: LockManagerLike;
	channel: ChannelLike;
	/** Builds this tab's engine when it becomes the leader; returns what answers calls. */
	lead: () => Promise<Handler>;
	/** Called once this tab leads with its engine built (e.g. to start health probes). */
	onLeader?: () => void;
	tabId?: string;
	lockName?: string;
	/** How long a follower waits for an answer, ms. Default 30,000. */
	timeoutMs?: number;
	clock?: Clock;
}

type Message =
	| { proto: typeof PROTO; type: 'call'; id: string; method: string; args: unknown[] }
	| { proto: typeof PROTO; type: 'reply'; id: string; result: Result<unknown> }
	| { proto: typeof PROTO; type: 'leader'; tab: string };

interface Pending {
	readonly method: string;
	readonly args: unknown[];
	readonly resolve: (r: Result<unknown>) => void;
	readonly timer: TimerHandle;
}

function isMessage(data: unknown): data is Message {
	if (data === null || typeof data !== 'object') return false;
	const m = data as Record<string, unknown>;
	if (m.proto !== PROTO) return false;
	if (m.type === 'call') return typeof m.id === 'string' && typeof m.method === 'string' && Array.isArray(m.args);
	if (m.type === 'reply') return typeof m.id === 'string' && m.result !== null && typeof m.result === 'object';
	return m.type === 'leader' && typeof m.tab === 'string';
}

const randomId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export class TabLink {
	readonly tabId: string;
	readonly #o: Required<Omit<TabLinkOptions, 'onLeader' | 'tabId'>> & Pick<TabLinkOptions, 'onLeader'>;
	#role: 'starting' | 'follower' | 'leader' | 'failed' | 'closed' = 'starting';
	#handler: Handler | undefined;
	#leadError = '';
	/** Resolves when this tab has led and built its engine (or failed to). */
	#ready!: Promise<void>;
	#readyResolve!: () => void;
	#release: (() => void) | undefined;
	readonly #pending = new Map<string, Pending>();
	readonly #seen = new Set<string>();
	#seq = 0;

	constructor({ tabId = randomId(), lockName = ENGINE_LOCK, timeoutMs = 30_000, clock = systemClock, ...rest }: TabLinkOptions) {
		this.tabId = tabId;
		this.#o = { lockName, timeoutMs, clock, ...rest };
		this.#ready = new Promise((resolve) => (this.#readyResolve = resolve));
	}

	get isLeader(): boolean {
		return this.#role === 'leader';
	}

	get role(): 'starting' | 'follower' | 'leader' | 'failed' | 'closed' {
		return this.#role;
	}

	/** Why this tab could not build the engine when it was its turn to lead ('' otherwise). */
	get leadError(): string {
		return this.#leadError;
	}

	/** Joins: leads when the lock is free (resolving once the engine is built), follows otherwise. */
	async start(): Promise<{ leader: boolean }> {
		this.#o.channel.addEventListener('message', this.#onMessage);
		const got = await new Promise<boolean>((resolve) => {
			this.#o.locks
				.request(this.#o.lockName, { ifAvailable: true }, async (lock) => {
					if (!lock) return resolve(false);
					resolve(true);
					await this.#hold();
				})
				.catch(() => resolve(false));
		});
		if (got) {
			await this.#ready;
			if (this.#role === 'failed') return { leader: false };
			return { leader: true };
		}
		if (this.#role === 'starting') this.#role = 'follower';
		// Queue for the lock: granted when the leading tab goes away.
		void this.#o.locks.request(this.#o.lockName, {}, () => this.#hold()).catch(() => undefined);
		return { leader: false };
	}

	/** Runs inside the lock: build, announce, then hold the lock until close(). */
	async #hold(): Promise<void> {
		if (this.#role === 'closed') return;
		this.#role = 'leader';
		try {
			this.#handler = await this.#o.lead();
		} catch (error) {
			this.#role = 'failed';
			this.#leadError = error instanceof Error ? error.message : String(error);
			this.#readyResolve();
			for (const [id, p] of this.#pending) this.#settle(id, p, fail('engine_failed', `The engine could not start: ${this.#leadError}`));
			// Let the lock go: another tab may manage where this one could not.
			return;
		}
		if (this.#role !== 'leader') return;
		this.#readyResolve();
		this.#post({ proto: PROTO, type: 'leader', tab: this.tabId });
		// This tab's own calls that were waiting for a remote leader run here now.
		for (const [id, p] of this.#pending) void this.#local(p.method, p.args).then((r) => this.#settle(id, p, r));
		this.#o.onLeader?.();
		await new Promise<void>((resolve) => (this.#release = resolve));
	}

	/** One MonitorApi call: answered here when leading, by the leader otherwise. Never rejects. */
	call(method: string, args: readonly unknown[]): Promise<Result<unknown>> {
		if (this.#role === 'closed') return Promise.resolve(fail('closed', 'This tab has shut its engine link down.'));
		if (this.#role === 'failed') return Promise.resolve(fail('engine_failed', `The engine could not start: ${this.#leadError}`));
		if (this.#role === 'leader') return this.#local(method, args);
		return new Promise((resolve) => {
			const id = `${this.tabId}:${++this.#seq}`;
			const timer = this.#o.clock.setTimeout(() => {
				const p = this.#pending.get(id);
				if (p) this.#settle(id, p, fail('tab_timeout', 'The tab running the engine did not answer in time; try again.'));
			}, this.#o.timeoutMs);
			const pending: Pending = { method, args: [...args], resolve, timer };
			this.#pending.set(id, pending);
			try {
				this.#o.channel.postMessage({ proto: PROTO, type: 'call', id, method, args: pending.args } satisfies Message);
			} catch (error) {
				this.#settle(id, pending, fail('bad_input', `This call cannot be sent to the leading tab: ${error instanceof Error ? error.message : String(error)}`));
			}
		});
	}

	async #local(method: string, args: readonly unknown[]): Promise<Result<unknown>> {
		await this.#ready;
		const handler = this.#handler;
		if (!handler) return fail('engine_failed', `The engine could not start: ${this.#leadError}`);
		try {
			return await handler(method, args);
		} catch (error) {
			return fail('internal', error instanceof Error ? error.message : String(error));
		}
	}

	#settle(id: string, p: Pending, r: Result<unknown>): void {
		this.#o.clock.clearTimeout(p.timer);
		if (this.#pending.delete(id)) p.resolve(r);
	}

	#post(m: Message): void {
		try {
			this.#o.channel.postMessage(m);
		} catch {
			// A closed channel: nothing to tell.
		}
	}

	readonly #onMessage = (event: { data: unknown }): void => {
		const m = event.data;
		if (!isMessage(m)) return;
		if (m.type === 'call') {
			if (this.#role !== 'leader' || this.#seen.has(m.id)) return;
			this.#seen.add(m.id);
			if (this.#seen.size > SEEN_LIMIT) this.#seen.delete(this.#seen.values().next().value as string);
			void this.#local(m.method, m.args).then((result) => {
				if (this.#role === 'closed') return;
				this.#post({ proto: PROTO, type: 'reply', id: m.id, result });
			});
		} else if (m.type === 'reply') {
			const p = this.#pending.get(m.id);
			if (p) this.#settle(m.id, p, m.result);
		} else if (m.tab !== this.tabId && this.#role !== 'leader') {
			// A new leader: whatever is still unanswered may have died with the old one.
			for (const [id, p] of this.#pending) this.#post({ proto: PROTO, type: 'call', id, method: p.method, args: p.args });
		}
	};

	/** Leaves: pending calls fail, the lock is released (the next tab takes over), the channel closes. */
	close(): void {
		if (this.#role === 'closed') return;
		this.#role = 'closed';
		this.#o.channel.removeEventListener('message', this.#onMessage);
		for (const [id, p] of this.#pending) this.#settle(id, p, fail('closed', 'This tab has shut its engine link down.'));
		this.#readyResolve();
		this.#release?.();
		this.#o.channel.close();
	}
}
