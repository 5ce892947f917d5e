import { CHANNELS, type Channel, type Group, type ProviderSummary, type UpdateMessage } from '../../shared/api/ws';
import type { Engine, EngineEvents } from '../../shared/engine';
import type { Clock, TimerHandle } from '../../shared/engine/ports';
import type { ParamsInput } from '../../shared/model';
import { FEED_GROUPS, type FeedGroup, type Hub } from './hub';
import type { Session } from './session';

/** What the feeds need of the engine. */
export type FeedEngine = Pick<Engine, 'get' | 'events'>;

/** One engine request a polled group makes per interval. */
export type Poll = { [C in Channel]: { channel: C; params: ParamsInput<C> } }[Channel];

export interface PolledFeed {
	everyMs: number;
	polls: readonly Poll[];
}

/** The coins the `prices` group carries. */
export const PRICE_SYMBOLS = ['BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'ADA', 'DOGE', 'TRX', 'DOT', 'LTC'] as const;

/** Polled groups: what each asks the engine, and how often (the capability's cache TTL). */
export const POLLED_FEEDS = {
	prices: { everyMs: 15_000, polls: [{ channel: 'price', params: { symbols: [...PRICE_SYMBOLS] } }] },
	market: {
		everyMs: 60_000,
		polls: [
			{ channel: 'markets', params: { limit: 100 } },
			{ channel: 'global', params: {} }
		]
	},
	news: { everyMs: 5 * 60_000, polls: [{ channel: 'news', params: { limit: 20 } }] },
	sentiment: { everyMs: 60 * 60_000, polls: [{ channel: 'fear-greed', params: { limit: 30 } }] }
} as const satisfies Record<string, PolledFeed>;
export type PolledGroup = keyof typeof POLLED_FEEDS;

export interface FeedsOptions {
	clock: Clock;
	/** Replaces a polled group's requests or interval. */
	feeds?: Partial<Record<PolledGroup, PolledFeed>>;
	/** How often `provider_stats` summarises the engine's request and breaker events, ms. Default 5,000. */
	providerStatsMs?: number;
}

interface Window {
	requests: number;
	ok: number;
	failed: number;
	latencyMs: number;
	breaker?: ProviderSummary['breaker'];
}

/**
 * Upstream work that follows subscriptions: a group's poller runs while the group has at least
 * one receiver and stops with the last, and makes one round of requests per interval whatever
 * the number of receivers. Each update is kept so a late subscriber gets it at once, without
 * asking upstream again.
 */
export class Feeds {
	readonly #hub: Hub;
	readonly #engine: FeedEngine;
	readonly #clock: Clock;
	readonly #feeds: Record<PolledGroup, PolledFeed>;
	readonly #providerStatsMs: number;
	readonly #timers = new Map<FeedGroup, TimerHandle>();
	readonly #inflight = new Set<PolledGroup>();
	/** Stops the engine listeners of the event-driven groups while they run. */
	readonly #listening = new Map<FeedGroup, () => void>();
	/** Last update per channel, serialised, with what it was made from. */
	readonly #last = new Map<Channel, { text: string; source: string; ts: number }>();
	#window = new Map<string, Window>();
	#unhook: Array<() => void> = [];

	constructor(hub: Hub, engine: FeedEngine, { clock, feeds = {}, providerStatsMs = 5_000 }: FeedsOptions) {
		this.#hub = hub;
		this.#engine = engine;
		this.#clock = clock;
		this.#feeds = { ...POLLED_FEEDS, ...feeds };
		this.#providerStatsMs = providerStatsMs;
	}

	/** Follows the hub from now on, starting the groups that already have receivers. */
	start(): void {
		if (this.#unhook.length > 0) return;
		this.#unhook = [
			this.#hub.onActivity((group, active) => (active ? this.#activate(group) : this.#deactivate(group))),
			this.#hub.onSubscribe((session, group) => this.#replay(session, group))
		];
		for (const group of FEED_GROUPS) if (this.#hub.isActive(group)) this.#activate(group);
	}

	stop(): void {
		for (const unhook of this.#unhook) unhook();
		this.#unhook = [];
		for (const group of [...this.#timers.keys(), ...this.#listening.keys()]) this.#deactivate(group);
	}

	/** Groups doing work now (for tests and metrics). */
	running(): FeedGroup[] {
		return [...new Set([...this.#timers.keys(), ...this.#listening.keys()])];
	}

	#activate(group: FeedGroup): void {
		if (this.#timers.has(group) || this.#listening.has(group)) return;
		if (isPolled(group)) return this.#tick(group);
		if (group === 'providers') return this.#startProviderStats();
		if (group === 'alerts') this.#listening.set(group, this.#listenAlerts());
	}

	#deactivate(group: FeedGroup): void {
		const timer = this.#timers.get(group);
		if (timer) this.#clock.clearTimeout(timer);
		this.#timers.delete(group);
		this.#listening.get(group)?.();
		this.#listening.delete(group);
	}

	// ---- polled groups ----

	/** One round of the group's requests, then the next round one interval after this one began. */
	#tick(group: PolledGroup): void {
		const feed = this.#feeds[group];
		this.#timers.set(group, this.#clock.setTimeout(() => this.#tick(group), feed.everyMs));
		// A round still waiting on a slow provider is not doubled up.
		if (this.#inflight.has(group)) return;
		this.#inflight.add(group);
		void Promise.all(feed.polls.map((poll) => this.#poll(poll)))
			// The engine answers failures as outcomes; a throw here is a bug, and must not stop the feed.
			.catch((error: unknown) => console.error(`ws feed ${group} failed:`, error))
			.finally(() => this.#inflight.delete(group));
	}

	async #poll(poll: Poll): Promise<void> {
		const outcome = await ask(this.#engine, poll);
		if (!outcome.ok) return;
		const group = CHANNELS[poll.channel];
		const last = this.#last.get(poll.channel);
		// The same answer again (every provider down, stale cache): nothing new to send.
		if (last && last.ts === outcome.ts && last.source === outcome.source) return;
		// The engine validated `data` against this channel's result schema; the union cannot say so.
		const message = { type: 'update', group, channel: poll.channel, data: outcome.data, source: outcome.source, ts: outcome.ts, stale: outcome.stale } as UpdateMessage;
		const text = JSON.stringify(message);
		this.#last.set(poll.channel, { text, source: outcome.source, ts: outcome.ts });
		if (this.#hub.isActive(group)) this.#hub.publishText(group, text);
	}

	#replay(session: Session, joined: Group): void {
		for (const [channel, last] of this.#last) {
			if (joined === 'all' || CHANNELS[channel] === joined) this.#hub.sendText(session, last.text);
		}
	}

	// ---- event-driven groups ----

	#startProviderStats(): void {
		this.#window = new Map();
		const slot = (provider: string): Window => {
			let w = this.#window.get(provider);
			if (!w) this.#window.set(provider, (w = { requests: 0, ok: 0, failed: 0, latencyMs: 0 }));
			return w;
		};
		const offRequest = this.#engine.events.on('request', (e: EngineEvents['request']) => {
			const w = slot(e.provider);
			w.requests++;
			w.latencyMs += e.latencyMs;
			if (e.ok) w.ok++;
			else w.failed++;
		});
		const offBreaker = this.#engine.events.on('breaker', (e: EngineEvents['breaker']) => {
			slot(e.provider).breaker = e.to;
		});
		this.#listening.set('providers', () => {
			offRequest();
			offBreaker();
		});
		const summarise = (): void => {
			this.#timers.set('providers', this.#clock.setTimeout(summarise, this.#providerStatsMs));
			if (this.#window.size === 0) return;
			const providers = [...this.#window].map(([provider, w]): ProviderSummary => ({
				provider,
				requests: w.requests,
				ok: w.ok,
				failed: w.failed,
				avg_latency_ms: w.requests > 0 ? Math.round(w.latencyMs / w.requests) : 0,
				...(w.breaker ? { breaker: w.breaker } : {})
			}));
			this.#window = new Map();
			this.#hub.publish('providers', { type: 'provider_stats', window_ms: this.#providerStatsMs, ts: this.#clock.now(), providers });
		};
		this.#timers.set('providers', this.#clock.setTimeout(summarise, this.#providerStatsMs));
	}

	/** Engine alerts, and a breaker opening, go out as they happen. */
	#listenAlerts(): () => void {
		const offAlert = this.#engine.events.on('alert', (e) => {
			this.#hub.publish('alerts', { type: 'alert', kind: e.kind, message: e.message, ts: e.at });
		});
		const offBreaker = this.#engine.events.on('breaker', (e) => {
			if (e.to !== 'open') return;
			this.#hub.publish('alerts', { type: 'alert', kind: 'breaker_open', message: `${e.provider}: breaker opened (${e.reason})`, ts: e.at });
		});
		return () => {
			offAlert();
			offBreaker();
		};
	}
}

function isPolled(group: FeedGroup): group is PolledGroup {
	return Object.hasOwn(POLLED_FEEDS, group);
}

/** One poll's request. `fresh`: a round exists to refresh; the answer still lands in the engine's cache for REST. */
function ask<C extends Channel>(engine: FeedEngine, poll: { channel: C; params: ParamsInput<C> }) {
	return engine.get(poll.channel, poll.params, { fresh: true });
}
