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
	const allowOrigin = (origin: string, method: string): string | null => {
		if (allowed.has(origin)) return origin;
		return READS.has(method) ? '*' : null;
	};
	const preflight = cors({
		origin: (origin, c) => allowOrigin(origin, (c.req.header('access-control-request-method') ?? '').toUpperCase()),
		allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
		allowHeaders: ['Authorization', 'Content-Type'],
		exposeHeaders: EXPOSED,
		maxAge: 600
	});
	// Preflights go to Hono's cors. Other requests get their headers through c.header() before the
	// handler runs: Hono's cors writes to c.res first, which makes every response a merged copy.
	return function apiCors(c, next) {
		if (c.req.method === 'OPTIONS') return preflight(c, next);
		const origin = c.req.header('origin');
		if (origin !== undefined) {
			const value = allowOrigin(origin, c.req.method);
			if (value !== null) {
				c.header('Access-Control-Allow-Origin', value);
				c.header('Access-Control-Expose-Headers', EXPOSED.join(','));
				if (value !== '*') c.header('Vary', 'Origin');
			}
		} else if (READS.has(c.req.method)) {
			c.header('Access-Control-Allow-Origin', '*');
		}
		return next();
	};
}

const EXPOSED = ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'];

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
export function pageCsp(scriptHashes: readonly string[], connectOrigins: readonly string[] = []): string {
	return [
		"default-src 'self'",
		// 'wasm-unsafe-eval' lets the worker compile onnxruntime-web's wasm (the in-browser sentiment
		// model, served from this origin); it allows WebAssembly only, not eval() of strings.
		['script-src', "'self'", ...scriptHashes, "'wasm-unsafe-eval'"].join(' '),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: https:",
		"font-src 'self' data:",
		`connect-src 'self' https: wss: ${connectOrigins.join(' ')}`.trim(),
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
	/** Further origins the page may call (the http:// mirrors of CM_APP_BASE_URLS, e.g. the demo's simulator). */
	connectOrigins?: readonly string[];
}

/**
 * Security headers on every response. HTML gets the page CSP unless its route set its own (the
 * /docs page carries the hash of its script); everything else gets a CSP that loads nothing.
 */
export function securityHeaders({ scriptHashes, connectOrigins = [] }: SecurityHeadersOptions): MiddlewareHandler {
	return async function securityHeaders(c, next) {
		// Set before the handler runs, so they go out with the response it builds; touching
		// c.res.headers afterwards would force every response down the server's slow path.
		c.header('X-Content-Type-Options', 'nosniff');
		c.header('Referrer-Policy', 'no-referrer');
		// A route may set its own CSP (the /docs page, the relay); c.header replaces this one.
		c.header('Content-Security-Policy', DATA_CSP);
		await next();
		// API answers are JSON or CSV, never a page or a script: leave them as built (reading
		// c.res.headers would turn the handler's lightweight response into a full one).
		if (c.req.path.startsWith('/api/')) return;
		// Pages get the page CSP (unless their route chose one) and the headers that only matter
		// for a document; data responses stay lean, since `frame-ancestors 'none'` covers framing.
		const h = c.res.headers;
		const type = h.get('content-type') ?? '';
		// A worker or service worker script runs under the CSP it was served with: the app's
		// scripts get the page's, or the engine worker could not call a provider.
		if (type.startsWith('text/javascript') || type.startsWith('application/javascript')) {
			if (h.get('Content-Security-Policy') === DATA_CSP) h.set('Content-Security-Policy', pageCsp([], connectOrigins));
		}
		if (type.startsWith('text/html')) {
			if (h.get('Content-Security-Policy') === DATA_CSP) h.set('Content-Security-Policy', pageCsp(scriptHashes(), connectOrigins));
			h.set('X-Frame-Options', 'DENY');
			h.set('Cross-Origin-Opener-Policy', 'same-origin');
			h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
		}
	};
}

/** Request bodies over `maxSize` bytes: 413 with a clear message. Default 1 MB. */
export function limitBody({ maxSize = 1024 * 1024 }: { maxSize?: number } = {}): MiddlewareHandler {
	const limit = bodyLimit({
		maxSize,
		onError: (c) => c.json({ error: `request body too large: at most ${maxSize} bytes` }, 413)
	});
	// GET and HEAD carry no body we read; checking them would make every read build a body stream.
	return function limitBody(c, next) {
		return READS.has(c.req.method) ? next() : limit(c, next);
	};
}
