import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';

/** `CM_CORS_ORIGINS`: comma-separated origins allowed to call mutations cross-origin. */
export function parseCorsOrigins(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((o) => o.trim().replace(/\/+$/, ''))
		.filter((o) => /^https?:\/\/[^\s/]+$/.test(o));
}

const READS = new Set(['GET', 'HEAD']);

/**
 * CORS for /api. Reads are public data with no cookies or ambient credentials, so any origin may
 * GET them (`*`). Everything else (mutations, which also need the admin token) is same-origin
 * unless the origin is listed in `CM_CORS_ORIGINS`; a listed origin gets its own origin echoed.
 */
export function apiCors({ origins = [] }: { origins?: readonly string[] } = {}): MiddlewareHandler {
	const allowed = new Set(origins);
	return cors({
		origin: (origin, c) => {
			if (allowed.has(origin)) return origin;
			const method = c.req.method === 'OPTIONS' ? (c.req.header('access-control-request-method') ?? '').toUpperCase() : c.req.method;
			return READS.has(method) ? '*' : null;
		},
		allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
		allowHeaders: ['Authorization', 'Content-Type'],
		exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
		maxAge: 600
	});
}

/** sha256 sources for every inline `<script>` of a page, for its CSP. */
export function inlineScriptHashes(html: string): string[] {
	const out: string[] = [];
	for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
		const body = m[1] ?? '';
		if (body.trim() === '') continue;
		out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
	}
	return out;
}

/**
 * The CSP of an HTML page: scripts only from this origin plus the page's own inline bootstrap
 * (by hash, so no 'unsafe-inline'); styles may be inline (Svelte transitions write style
 * attributes); the app may call HTTPS providers directly and its own WebSocket.
 */
export function pageCsp(scriptHashes: readonly string[]): string {
	return [
		"default-src 'self'",
		`script-src 'self' ${scriptHashes.join(' ')}`.trim(),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: https:",
		"font-src 'self' data:",
		"connect-src 'self' https: wss:",
		"worker-src 'self' blob:",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

/** Responses that are not pages load nothing. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface SecurityHeadersOptions {
	/** The inline script hashes of the HTML page being served (the SPA's index.html). */
	scriptHashes: () => readonly string[];
}

/**
 * Security headers on every response. HTML gets the page CSP unless its route set its own (the
 * /docs page carries the hash of its script); everything else gets a CSP that loads nothing.
 */
export function securityHeaders({ scriptHashes }: SecurityHeadersOptions): MiddlewareHandler {
	return async function securityHeaders(c, next) {
		await next();
		const h = c.res.headers;
		h.set('X-Content-Type-Options', 'nosniff');
		h.set('Referrer-Policy', 'no-referrer');
		h.set('X-Frame-Options', 'DENY');
		h.set('Cross-Origin-Opener-Policy', 'same-origin');
		h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
		if (!h.has('Content-Security-Policy')) {
			const html = (h.get('content-type') ?? '').startsWith('text/html');
			h.set('Content-Security-Policy', html ? pageCsp(scriptHashes()) : DATA_CSP);
		}
	};
}

/** Request bodies over `maxSize` bytes: 413 with a clear message. Default 1 MB. */
export function limitBody({ maxSize = 1024 * 1024 }: { maxSize?: number } = {}): MiddlewareHandler {
	return bodyLimit({
		maxSize,
		onError: (c) => c.json({ error: `request body too large: at most ${maxSize} bytes` }, 413)
	});
}
