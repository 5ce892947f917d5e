import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export interface AdminToken {
	token: string;
	/** True when no CM_ADMIN_TOKEN was set and this one was made now (print it once). */
	generated: boolean;
}

/** The admin token from `CM_ADMIN_TOKEN`, or a fresh random one kept only in memory. */
export function resolveAdminToken(env: Readonly<Record<string, string | undefined>>, bytes: (n: number) => Buffer = randomBytes): AdminToken {
	const set = env.CM_ADMIN_TOKEN?.trim();
	if (set) return { token: set, generated: false };
	return { token: bytes(24).toString('base64url'), generated: true };
}

/** Equal-length digests so neither the content nor the length of the token leaks through timing. */
const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** True when `given` is the token, compared in constant time. */
export function tokenMatches(given: string, token: string): boolean {
	return timingSafeEqual(digest(given), digest(token)) && token.length > 0;
}

/**
 * Mutations need `Authorization: Bearer <token>`: 401 when it is missing or not a bearer
 * credential, 403 when it is wrong. The token is never echoed.
 */
export function adminOnly({ token }: { token: string }): MiddlewareHandler {
	return async function adminOnly(c, next) {
		const header = c.req.header('authorization') ?? '';
		const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
		if (!match?.[1]) {
			c.header('WWW-Authenticate', 'Bearer realm="crypto-monitor"');
			return c.json({ error: 'admin token required: send Authorization: Bearer <CM_ADMIN_TOKEN>' }, 401);
		}
		if (!tokenMatches(match[1], token)) return c.json({ error: 'the admin token is not valid' }, 403);
		await next();
	};
}
