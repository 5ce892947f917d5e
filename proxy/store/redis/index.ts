import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Engine } from '../../../shared/engine';
import type { Transport } from '../../../shared/engine/ports';
import type { FeedEngine } from '../../ws/feeds';
import type { Hub } from '../../ws/hub';
import { attachRedisFanout, type RedisFanout } from '../../ws/redis-fanout';
import { breakerSync, type BreakerSync } from './breakers';
import { cacheSync, type CacheSync } from './cache';
import { SharedLimits, sharedLimitTransport, type LimitedProvider } from './limits';

export { SharedLimits, sharedLimitTransport, keyLabelOf } from './limits';
export { breakerSync, BREAKER_CHANNEL, BREAKER_HASH } from './breakers';
export { cacheSync, CACHE_CHANNEL } from './cache';

/**
 * Scale-out on Redis (`REDIS_URL`): provider limits (./limits.ts), breaker state (./breakers.ts),
 * the response cache (./cache.ts) and WebSocket fan-out with one poller per group
 * (../../ws/redis-fanout.ts) shared by every proxy process on one Redis, so several behave as one.
 * Loaded only when REDIS_URL is set (server.ts imports this module lazily); without it nothing
 * imports ioredis.
 *
 * Not shared: in-process state with no cross-process meaning (request stats, logs, sessions) and
 * the providers/alerts WebSocket groups (each process reports its own engine).
 */
export interface ScaleOut {
	/** This process's id on the channels (host:pid:random). */
	readonly origin: string;
	/** The engine's transport with the shared limits in front; `engine` is read at call time (the engine is built with this transport). */
	transport(inner: Transport, engine: () => Engine | undefined): Transport;
	/** Shares breaker state, the cache and the WebSocket fan-out; returns the engine the feeds should poll through. */
	attach(engine: Engine, hub: Hub): Promise<FeedEngine>;
	close(): Promise<void>;
}

/** Connects (two connections: commands, and the subscriber) or throws with a clear message. */
export async function connectScaleOut(url: string, log: (message: string) => void = (m) => console.warn(m)): Promise<ScaleOut> {
	const { Redis: RedisClient } = await import('ioredis');
	const origin = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
	const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5_000, enableAutoPipelining: true } as const;
	const pub: Redis = new RedisClient(url, { ...options, connectionName: `cm-proxy:${origin}` });
	const sub: Redis = new RedisClient(url, { ...options, enableAutoPipelining: false, connectionName: `cm-proxy-sub:${origin}` });
	// Errors are reported (at most once per 10 s), never thrown at the event loop.
	let lastLog = 0;
	const onError = (error: unknown): void => {
		const now = Date.now();
		if (now - lastLog < 10_000) return;
		lastLog = now;
		log(`redis: ${error instanceof Error ? error.message : String(error)}`);
	};
	pub.on('error', onError);
	sub.on('error', onError);
	try {
		await Promise.all([pub.connect(), sub.connect()]);
	} catch (error) {
		pub.disconnect();
		sub.disconnect();
		throw new Error(`REDIS_URL is set but Redis cannot be reached (${error instanceof Error ? error.message : String(error)})`);
	}

	const limits = new SharedLimits(pub);
	let breakers: BreakerSync | undefined;
	let cache: CacheSync | undefined;
	let fanout: RedisFanout | undefined;
	return {
		origin,
		transport(inner, engine) {
			const providers = (): LimitedProvider[] =>
				(engine()?.runtimes() ?? []).map((rt) => ({ id: rt.spec.id, baseUrl: rt.spec.baseUrl, limits: rt.spec.limits, keys: rt.keys }));
			return sharedLimitTransport(inner, limits, providers, onError);
		},
		async attach(engine, hub) {
			breakers = breakerSync(engine, pub, sub, origin, onError);
			await breakers.start();
			cache = cacheSync(engine, pub, sub, origin, onError);
			await cache.start();
			fanout = await attachRedisFanout(hub, pub, sub, origin, onError);
			return fanout.feedEngine(engine);
		},
		async close() {
			breakers?.stop();
			cache?.stop();
			await fanout?.close();
			await Promise.allSettled([sub.quit(), pub.quit()]);
		}
	};
}
