import type { Redis } from 'ioredis';
import { CHANNELS, type Channel, type Group } from '../../shared/api/ws';
import type { Session } from './session';
import { POLLED_FEEDS, type FeedEngine, type PolledGroup } from './feeds';
import type { Hub } from './hub';

/**
 * WebSocket fan-out across proxy processes on one Redis.
 *
 * Updates of the polled groups (prices, market, news, sentiment) and broadcasts to them go
 * through Redis: the hub's `publishText` for those groups publishes on `cm:ws:<group>` instead of
 * sending, and every process (this one included) hands what arrives on those channels to its own
 * subscribers. A local update therefore reaches each local client once, by the same path as a
 * remote one. Should the publish fail, the text is delivered locally. Other groups (providers,
 * alerts) stay per process: each process reports its own engine.
 *
 * Polling: one process polls a group for everyone. A group's poller asks for a lease
 * (`cm:ws:lease:<group>`, twice the group's interval, renewed on each round) before each round;
 * the other processes' rounds are skipped while it is held, and they take over when its holder
 * stops polling (last subscriber gone: the lease is released) or dies (the lease lapses). A late
 * subscriber of a process that does not poll is sent the last update received from the poller.
 */

export const FANOUT_PREFIX = 'cm:ws:';
const LEASE_PREFIX = 'cm:ws:lease:';

/** Take the lease when free, renew it when ours: 1 if held by us afterwards. */
const LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;
/** Release the lease only if ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const isPolled = (group: Group): group is PolledGroup => Object.hasOwn(POLLED_FEEDS, group);

interface Envelope {
	o: string;
	t: string;
}

export interface RedisFanout {
	/** The engine the feeds should use: each poll first checks this process holds its group's lease. */
	feedEngine(engine: FeedEngine): FeedEngine;
	close(): Promise<void>;
}

export async function attachRedisFanout(hub: Hub, pub: Redis, sub: Redis, origin: string, onError: (error: unknown) => void = () => undefined): Promise<RedisFanout> {
	const deliver = hub.publishText.bind(hub);
	/** Last update per channel from another process, for late subscribers here. */
	const remoteLast = new Map<Channel, string>();
	/** Groups whose lease this process held on its last round. */
	const holding = new Set<PolledGroup>();

	hub.publishText = (group: Group, text: string): number => {
		if (!isPolled(group)) return deliver(group, text);
		const envelope: Envelope = { o: origin, t: text };
		pub.publish(`${FANOUT_PREFIX}${group}`, JSON.stringify(envelope)).catch((error: unknown) => {
			onError(error);
			deliver(group, text);
		});
		// Delivery happens when Redis hands the update back; the local receivers are what it will reach.
		return hub.stats().groups[group] ?? 0;
	};

	const onMessage = (channel: string, raw: string): void => {
		if (!channel.startsWith(FANOUT_PREFIX)) return;
		const group = channel.slice(FANOUT_PREFIX.length) as Group;
		if (!isPolled(group)) return;
		let envelope: Envelope;
		try {
			envelope = JSON.parse(raw) as Envelope;
		} catch {
			return;
		}
		if (typeof envelope.t !== 'string') return;
		if (envelope.o !== origin) {
			const channelName = channelOf(envelope.t);
			if (channelName) remoteLast.set(channelName, envelope.t);
		}
		deliver(group, envelope.t);
	};
	sub.on('message', onMessage);
	await sub.subscribe(...Object.keys(POLLED_FEEDS).map((g) => `${FANOUT_PREFIX}${g}`));

	const offSubscribe = hub.onSubscribe((session: Session, joined: Group) => {
		for (const [channel, text] of remoteLast) {
			const group = CHANNELS[channel];
			if (!isPolled(group) || holding.has(group)) continue;
			if (joined === 'all' || group === joined) hub.sendText(session, text);
		}
	});
	const offActivity = hub.onActivity((group, active) => {
		if (active || !isPolled(group) || !holding.has(group)) return;
		holding.delete(group);
		pub.eval(RELEASE, 1, `${LEASE_PREFIX}${group}`, origin).catch(onError);
	});

	const lease = async (group: PolledGroup): Promise<boolean> => {
		try {
			const ttl = 2 * POLLED_FEEDS[group].everyMs;
			const held = Number(await pub.eval(LEASE, 1, `${LEASE_PREFIX}${group}`, origin, String(ttl))) === 1;
			if (held) holding.add(group);
			else holding.delete(group);
			return held;
		} catch (error) {
			// Without Redis, polling locally is better than no data.
			onError(error);
			return true;
		}
	};

	return {
		feedEngine(engine: FeedEngine): FeedEngine {
			// One lease check per group round: the first poll of a round asks, the others of the same round reuse it.
			const rounds = new Map<PolledGroup, { at: number; held: Promise<boolean> }>();
			const get: FeedEngine['get'] = async (capability, params, options) => {
				const group = CHANNELS[capability as Channel] as Group | undefined;
				if (group && isPolled(group)) {
					const now = Date.now();
					let round = rounds.get(group);
					if (!round || now - round.at > 1_000) rounds.set(group, (round = { at: now, held: lease(group) }));
					if (!(await round.held)) return { ok: false, code: 'all_failed', message: `another proxy process polls ${group}`, attempts: [] };
				}
				return engine.get(capability, params, options);
			};
			return { get, events: engine.events };
		},
		async close() {
			offSubscribe();
			offActivity();
			sub.off('message', onMessage);
			hub.publishText = deliver;
			await Promise.all([...holding].map((group) => pub.eval(RELEASE, 1, `${LEASE_PREFIX}${group}`, origin).catch(onError)));
			holding.clear();
		}
	};
}

function channelOf(text: string): Channel | undefined {
	try {
		const message = JSON.parse(text) as { type?: unknown; channel?: unknown };
		return message.type === 'update' && typeof message.channel === 'string' && Object.hasOwn(CHANNELS, message.channel) ? (message.channel as Channel) : undefined;
	} catch {
		return undefined;
	}
}
