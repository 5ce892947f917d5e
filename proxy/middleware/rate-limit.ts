import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
	/** Requests per minute per client IP (the bucket's size and refill). Default 300. */
	perMinute?: number;
	/** The clock. Default: `Date.now`. */
	now?: () => number;
	/**
	 * Take the client address from `X-Forwarded-For` (only behind one reverse proxy you run). The
	 * last address is the one that proxy saw; earlier ones are whatever the client sent. Default false.
	 */
	trustProxy?: boolean;
	/** Clients tracked at most; full (idle) buckets are dropped first. Default 10,000. */
	maxClients?: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

interface NodeEnv {
	incoming?: { socket?: { remoteAddress?: string } };
}

/** The client's address: the socket's (node server), or `X-Forwarded-For` when trusted. */
export function clientIp(c: Context, trustProxy = false): string {
	if (trustProxy) {
		const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
		if (forwarded) return forwarded.slice(0, 64);
	}
	const env = c.env as NodeEnv | undefined;
	return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Per-IP token bucket: each client holds up to `perMinute` tokens, refilled continuously at
 * `perMinute` per minute; a request takes one. Empty: 429 with `Retry-After` (seconds until a
 * token). The map is bounded so a spray of addresses cannot grow memory without limit.
 */
export function rateLimit({ perMinute = 300, now = Date.now, trustProxy = false, maxClients = 10_000 }: RateLimitOptions = {}): MiddlewareHandler {
	const buckets = new Map<string, Bucket>();
	const perMs = perMinute / 60_000;

	const evict = (t: number): void => {
		for (const [ip, b] of buckets) if (b.tokens + (t - b.at) * perMs >= perMinute) buckets.delete(ip);
		// Everyone is busy: drop the oldest entries (Map keeps insertion order).
		for (const ip of buckets.keys()) {
			if (buckets.size < maxClients) break;
			buckets.delete(ip);
		}
	};

	return async function rateLimit(c, next) {
		const t = now();
		const ip = clientIp(c, trustProxy);
		let bucket = buckets.get(ip);
		if (!bucket) {
			if (buckets.size >= maxClients) evict(t);
			bucket = { tokens: perMinute, at: t };
			buckets.set(ip, bucket);
		} else {
			bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
			bucket.at = t;
		}
		c.header('RateLimit-Limit', String(perMinute));
		if (bucket.tokens < 1) {
			const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
			c.header('Retry-After', String(retryAfter));
			c.header('RateLimit-Remaining', '0');
			return c.json({ error: `too many requests: at most ${perMinute} per minute per client, retry in ${retryAfter} s` }, 429);
		}
		bucket.tokens -= 1;
		c.header('RateLimit-Remaining', String(Math.floor(bucket.tokens)));
		await next();
	};
}
