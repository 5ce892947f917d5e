import type { Context, MiddlewareHandler } from 'hono';
import { presetHeader } from './preset';

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

/** The client's address: the socket's, or the last `X-Forwarded-For` hop when trusted. */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustProxy: boolean): string {
	if (trustProxy) {
		const forwarded = forwardedFor?.split(',').at(-1)?.trim();
		if (forwarded) return forwarded.slice(0, 64);
	}
	return socketAddress ?? 'local';
}

/** The client's address of a request on the node server (`local` elsewhere). */
export function clientIp(c: Context, trustProxy = false): string {
	const env = c.env as NodeEnv | undefined;
	return clientAddress(trustProxy ? c.req.header('x-forwarded-for') : undefined, env?.incoming?.socket?.remoteAddress, trustProxy);
}

/**
 * Per-IP token buckets: each client holds up to `perMinute` tokens, refilled continuously at
 * `perMinute` per minute; a request takes one. The map is bounded so a spray of addresses cannot
 * grow memory without limit. One instance serves every way in (the API, the relay, fast reads),
 * so a client has one budget.
 */
export class ClientBuckets {
	readonly perMinute: number;
	/** `perMinute` as the `RateLimit-Limit` header says it. */
	readonly limitHeader: string;
	readonly #perMs: number;
	readonly #maxClients: number;
	readonly #buckets = new Map<string, Bucket>();

	constructor({ perMinute = 300, maxClients = 10_000 }: Pick<RateLimitOptions, 'perMinute' | 'maxClients'> = {}) {
		this.perMinute = perMinute;
		this.limitHeader = String(perMinute);
		this.#perMs = perMinute / 60_000;
		this.#maxClients = maxClients;
	}

	/** Takes a token for `ip` at time `t`: the whole tokens left, or -1 (nothing taken) when the bucket is empty. */
	take(ip: string, t: number): number {
		let bucket = this.#buckets.get(ip);
		if (!bucket) {
			if (this.#buckets.size >= this.#maxClients) this.#evict(t);
			bucket = { tokens: this.perMinute, at: t };
			this.#buckets.set(ip, bucket);
		} else {
			bucket.tokens = Math.min(this.perMinute, bucket.tokens + (t - bucket.at) * this.#perMs);
			bucket.at = t;
		}
		if (bucket.tokens < 1) return -1;
		bucket.tokens -= 1;
		return Math.floor(bucket.tokens);
	}

	/** Whole seconds until `ip` has a token again (at least 1). */
	retryAfter(ip: string): number {
		const tokens = this.#buckets.get(ip)?.tokens ?? this.perMinute;
		return Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
	}

	#evict(t: number): void {
		for (const [ip, b] of this.#buckets) if (b.tokens + (t - b.at) * this.#perMs >= this.perMinute) this.#buckets.delete(ip);
		// Everyone is busy: drop the oldest entries (Map keeps insertion order).
		for (const ip of this.#buckets.keys()) {
			if (this.#buckets.size < this.#maxClients) break;
			this.#buckets.delete(ip);
		}
	}
}

/**
 * Per-IP request limit over `buckets` (made from the options when not given). Empty bucket: 429
 * with `Retry-After` (seconds until a token); every answer says `RateLimit-Limit` and
 * `RateLimit-Remaining`.
 */
export function rateLimit({ now = Date.now, trustProxy = false, buckets, ...sizes }: RateLimitOptions & { buckets?: ClientBuckets } = {}): MiddlewareHandler {
	const limits = buckets ?? new ClientBuckets(sizes);
	return async function rateLimit(c, next) {
		const ip = clientIp(c, trustProxy);
		const left = limits.take(ip, now());
		presetHeader(c, 'RateLimit-Limit', limits.limitHeader);
		if (left < 0) {
			const retryAfter = limits.retryAfter(ip);
			presetHeader(c, 'Retry-After', String(retryAfter));
			presetHeader(c, 'RateLimit-Remaining', '0');
			return c.json({ error: `too many requests: at most ${limits.perMinute} per minute per client, retry in ${retryAfter} s` }, 429);
		}
		presetHeader(c, 'RateLimit-Remaining', String(left));
		await next();
	};
}
