import { parseRetryAfter, type Engine } from '../../shared/engine';

/** A relayed call's share of a provider's budget: the key to send, and what to learn from the answer. */
export interface RelayTicket {
	/** The key to add ('' for a keyless call). */
	readonly key: string;
	/** Reports the upstream status so a 401/403/429 cools that key, as the engine does. */
	settle(status: number, headers: Readonly<Record<string, string | string[] | undefined>>): void;
}

/**
 * Where the relay takes its budget from. With the engine's, browsers calling through the relay
 * spend the same per-key windows and day/month quotas as the proxy's own requests, and the key
 * is chosen as the engine chooses it (shortest wait, then most quota left).
 */
export interface RelayQuota {
	/** A ticket, or how long to wait when every key of the provider is spent. */
	acquire(providerId: string): RelayTicket | { waitMs: number } | undefined;
}

/** Cool-down after a 401/403 answer (a key the upstream refuses), as for the engine's auth failures. */
const AUTH_COOL_MS = 10 * 60_000;
/** Cool-down after a 429 that names no Retry-After. */
const RATE_COOL_MS = 60_000;

/** The engine's limiters as the relay's budget; `undefined` for a provider the engine does not run. */
export function engineQuota(engine: Engine, now: () => number = Date.now): RelayQuota {
	return {
		acquire(providerId) {
			const rt = engine.runtime(providerId);
			if (!rt) return undefined;
			if (rt.missingKey) return { key: '', settle: () => undefined };
			const t = now();
			const pick = rt.pickKey(1, t);
			if (pick.wait > 0) return { waitMs: pick.wait };
			rt.limiter.take(pick.label, 1, t);
			return {
				key: pick.key,
				settle(status, headers) {
					if (status !== 429 && status !== 401 && status !== 403) return;
					const header = headers['retry-after'];
					const retry = status === 429 ? parseRetryAfter(Array.isArray(header) ? header[0] : header, now()) : undefined;
					rt.limiter.coolUntil(pick.label, now() + (retry ?? (status === 429 ? RATE_COOL_MS : AUTH_COOL_MS)));
					rt.refreshCool(now());
				},
			};
		},
	};
}
