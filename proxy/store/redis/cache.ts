import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Engine } from '../../../shared/engine';
import type { CacheEntry } from '../../../shared/engine/cache';

/**
 * The response cache shared by every proxy process on one Redis. Each fresh answer this process
 * caches is written to Redis (`cm:cache:<key>`, expiring when the entry stops being servable) and
 * published on `cm:cache`; the other processes put it in their own cache, so a request any of
 * them answered is a cache hit in all. A process starting later loads what is still in Redis.
 * The engine's cache stays synchronous: Redis is never asked on the request path.
 */

export const CACHE_CHANNEL = 'cm:cache';
const CACHE_PREFIX = 'cm:cache:';
/** Entries loaded at start, at most. */
const WARM_LIMIT = 2_000;

const Shared = z.object({
	o: z.string(),
	k: z.string(),
	e: z.object({ value: z.unknown(), source: z.string(), at: z.number(), expiresAt: z.number(), revalidateUntil: z.number() })
});
type Shared = z.infer<typeof Shared>;

export interface CacheSync {
	start(): Promise<void>;
	stop(): void;
}

export function cacheSync(engine: Engine, pub: Redis, sub: Redis, origin: string, onError: (error: unknown) => void): CacheSync {
	const cache = engine.cache;
	const localSet = cache.set.bind(cache);
	/** Set while a remote entry is stored, so it is not published back. */
	let applying = false;

	const apply = (s: Shared): void => {
		if (s.o === origin) return;
		const now = Date.now();
		if (s.e.revalidateUntil <= now) return;
		const mine = cache.peek(s.k, now);
		if (mine && mine.at >= s.e.at) return;
		applying = true;
		try {
			localSet(s.k, s.e as CacheEntry<unknown>);
		} finally {
			applying = false;
		}
	};

	const onMessage = (channel: string, text: string): void => {
		if (channel !== CACHE_CHANNEL) return;
		const s = parse(text);
		if (s) apply(s);
	};

	return {
		async start() {
			await warm(pub, apply).catch(onError);
			sub.on('message', onMessage);
			await sub.subscribe(CACHE_CHANNEL);
			cache.set = <T>(key: string, entry: CacheEntry<T>): void => {
				localSet(key, entry);
				if (applying) return;
				const ttl = entry.revalidateUntil - Date.now();
				if (ttl <= 0) return;
				let text: string;
				try {
					text = JSON.stringify({ o: origin, k: key, e: entry } satisfies Shared);
				} catch (error) {
					return onError(error);
				}
				pub.multi().set(`${CACHE_PREFIX}${key}`, text, 'PX', Math.ceil(ttl)).publish(CACHE_CHANNEL, text).exec().catch(onError);
			};
		},
		stop() {
			cache.set = localSet;
			sub.off('message', onMessage);
		}
	};
}

async function warm(redis: Redis, apply: (s: Shared) => void): Promise<void> {
	let cursor = '0';
	let loaded = 0;
	do {
		const [next, keys] = await redis.scan(cursor, 'MATCH', `${CACHE_PREFIX}*`, 'COUNT', 200);
		cursor = next;
		if (keys.length === 0) continue;
		for (const text of await redis.mget(...keys)) {
			const s = text === null ? undefined : parse(text);
			if (s) apply({ ...s, o: '' });
			if (++loaded >= WARM_LIMIT) return;
		}
	} while (cursor !== '0');
}

function parse(text: string): Shared | undefined {
	try {
		const r = Shared.safeParse(JSON.parse(text));
		return r.success ? r.data : undefined;
	} catch {
		return undefined;
	}
}
