import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { presetHeader } from './preset';

/** `CM_CORS_ORIGINS`: comma-separated origins allowed to call mutations cross-origin. */
export function parseCorsOrigins(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((o) => o.trim().replace(/\/+$/, ''))
		.filter((o) => /^https?:\/\/[^\s/]+$/.test(o));
}

const READS = new Set(['GET', 'HEAD']);

const EXPOSED = ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'];
const EXPOSED_LIST = EXPOSED.join(',');

/**
 * Who may call /api from another origin. Reads are public data with no cookies or ambient
 * credentials, so any origin may GET them (`*`). Everything else (mutations, which also need the
 * admin token) is same-origin unless the origin is listed in `CM_CORS_ORIGINS`; a listed origin
 * gets its own origin echoed.
 */
export class CorsPolicy {
	readonly #allowed: ReadonlySet<string>;

	constructor(origins: readonly string[] = []) {
		this.#allowed = new Set(origins);
	}

	/** The `Access-Control-Allow-Origin` for a request from `origin` with `method`, or null (none). */
	allowOrigin(origin: string, method: string): string | null {
		if (this.#allowed.has(origin)) return origin;
		return READS.has(method) ? '*' : null;
	}

	/** Calls `set` with each CORS header of a non-preflight request (`origin` undefined: no Origin header). */
	headers(origin: string | undefined, method: string, set: (name: string, value: string) => void): void {
		if (origin === undefined) {
			if (READS.has(method)) set('Access-Control-Allow-Origin', '*');
			return;
		}
		const value = this.allowOrigin(origin, method);
		if (value === null) return;
		set('Access-Control-Allow-Origin', value);
		set('Access-Control-Expose-Headers', EXPOSED_LIST);
		if (value !== '*') set('Vary', 'Origin');
	}
}

/** CORS for /api, as `policy` says (default: reads from anywhere, mutations same-origin). */
export function apiCors({ origins = [], policy = new CorsPolicy(origins) }: { origins?: readonly string[]; policy?: CorsPolicy } = {}): MiddlewareHandler {
	const preflight = cors({
		origin: (origin, c) => policy.allowOrigin(origin, (c.req.header('access-control-request-method') ?? '').toUpperCase()),
		allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
		allowHeaders: ['Authorization', 'Content-Type'],
		exposeHeaders: EXPOSED,
		maxAge: 600
	});
	// Preflights go to Hono's cors. Other requests get their headers preset before the handler
	// runs: Hono's cors writes to c.res first, which makes every response a merged copy.
	return function apiCors(c, next) {
		if (c.req.method === 'OPTIONS') return preflight(c, next);
		policy.headers(c.req.header('origin'), c.req.method, (name, value) => presetHeader(c, name, value));
		return next();
	};
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

/** The security headers of every response; pages get more (see securityHeaders). */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	// A route may set its own CSP (the /docs page, the relay); the route's replaces this one.
	'Content-Security-Policy': DATA_CSP
};

/**
 * The CSP a route chose for its response, if any. The preset default is on Node's response (or,
 * outside node-server, on c.res as DATA_CSP): either way it is not the route's choice.
 */
function ownCsp(h: Headers): string | undefined {
	const csp = h.get('Content-Security-Policy');
	return csp === null || csp === DATA_CSP ? undefined : csp;
}

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
		for (const name in BASE_SECURITY_HEADERS) presetHeader(c, name, BASE_SECURITY_HEADERS[name] as string);
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
			if (ownCsp(h) === undefined) h.set('Content-Security-Policy', pageCsp([], connectOrigins));
		}
		if (type.startsWith('text/html')) {
			if (ownCsp(h) === undefined) h.set('Content-Security-Policy', pageCsp(scriptHashes(), connectOrigins));
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
