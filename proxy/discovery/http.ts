import { guardedFetch, systemLookup, type GuardOptions, type LookupAll } from '../relay/fetch';
import { RelayError } from '../relay/path';

/** One probe exchange: status, the CORS header, the body text and how long it took. */
export interface ProbeResponse {
	readonly status: number;
	readonly allowOrigin: string | null;
	readonly text: string;
	readonly ms: number;
}

/** Sends one request through the relay's network guard; throws `Error` with a short human reason. */
export type ProbeFetch = (url: string, init?: { body?: string }) => Promise<ProbeResponse>;

export interface ProbeFetchOptions {
	/** Per request, ms. Default 5,000. */
	timeoutMs?: number;
	/** Largest body read, bytes. Default 2 MB (a chains.json is about 1.5 MB). */
	maxBytes?: number;
	lookup?: LookupAll;
	/** Tests only: addresses let through despite being loopback (as CM_RELAY_ALLOW_LOOPBACK does for the relay). */
	allowPrivateForTests?: GuardOptions['allowPrivateForTests'];
	now?: () => number;
}

/** The Origin probes send, to see whether a browser would be let in (no real site uses it). */
export const PROBE_ORIGIN = 'https://discovery.crypto-monitor.invalid';

/** The relay's refusal and failure messages, said as probe reasons. */
function reasonOf(error: unknown, timeoutMs: number): string {
	if (!(error instanceof RelayError)) return 'the request failed';
	if (error.status === 504) return `no answer within ${timeoutMs.toLocaleString('en-US')} ms`;
	const code = /\(([A-Z_]+)\)/.exec(error.message)?.[1];
	if (code === 'ECONNREFUSED') return 'connection refused';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
	if (code === 'ENOTFOUND' || error.message.includes('could not resolve')) return 'the host name does not resolve';
	if (code) return `could not connect (${code})`;
	return error.message.replace('the relay only reaches', 'discovery only probes').replace(/^the upstream /, '');
}

/**
 * Probes go out exactly as relayed requests do: the host is resolved and refused when any address
 * is private, loopback, link-local or metadata (so a listed URL cannot make discovery reach inside
 * the proxy's network), the connection is pinned to the vetted address, redirects must stay on the
 * host, and time and size are capped.
 */
export function probeFetch({ timeoutMs = 5_000, maxBytes = 2_000_000, lookup = systemLookup, allowPrivateForTests, now = Date.now }: ProbeFetchOptions = {}): ProbeFetch {
	const guard: GuardOptions = { lookup, ...(allowPrivateForTests ? { allowPrivateForTests } : {}) };
	return async (text, init = {}) => {
		const url = new URL(text);
		const body = init.body === undefined ? undefined : Buffer.from(init.body);
		const headers: Record<string, string> = { accept: 'application/json', origin: PROBE_ORIGIN, 'user-agent': 'crypto-monitor-discovery', ...(body ? { 'content-type': 'application/json' } : {}) };
		const started = now();
		try {
			const res = await guardedFetch({ url, method: body ? 'POST' : 'GET', headers, ...(body ? { body } : {}) }, { host: url.host, providerId: url.host }, guard, { timeoutMs, maxResponseBytes: maxBytes, maxRedirects: 3 });
			const origin = res.headers['access-control-allow-origin'];
			return { status: res.status, allowOrigin: typeof origin === 'string' ? origin : null, text: res.body.toString('utf8'), ms: now() - started };
		} catch (error) {
			throw new Error(reasonOf(error, timeoutMs));
		}
	};
}
