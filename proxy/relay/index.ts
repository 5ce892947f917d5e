import { parseBaseUrlOverrides, withBaseUrls } from '../../shared/catalog/config';
import { allProviders } from '../../shared/catalog/registry';
import { envSecrets, type ProviderSpec, type Secrets } from '../../shared/engine';
import { guardedFetch, systemLookup, type LookupAll, type RelayLimits } from './fetch';
import { RelayError, relayTarget } from './path';
import type { RelayQuota, RelayTicket } from './quota';

export { engineQuota, type RelayQuota } from './quota';

export { classifyAddress, parseIPv4, parseIPv6, type AddressClass } from './address';
export { guardedFetch, pinnedLookup, systemLookup, vetHost, type LookupAll, type ResolvedAddress } from './fetch';
export { checkRelayPath, checkRelayQuery, RelayError, relayTarget } from './path';

export interface RelayOptions {
	/** Environment: API keys (`<NAME>`, `<NAME>_1` …, as the engine reads them) and `CM_BASE_URLS`. */
	env: Readonly<Record<string, string | undefined>>;
	/** Where keys come from. Default: `envSecrets(env)`, the engine's reader. */
	secrets?: Secrets;
	/** DNS: every address of a name. Default: `dns.lookup(name, { all: true })`. */
	lookup?: LookupAll;
	/**
	 * Tests only: let loopback/private addresses through (`true`), or exactly the listed addresses.
	 * Deliberately an option and never an environment variable, so production cannot turn it on by accident.
	 */
	allowPrivateForTests?: boolean | readonly string[];
	/**
	 * The budget relayed calls spend (the proxy passes the engine's, so relay traffic counts against
	 * each key's windows and quotas). Default: none counted, keys taken in turn.
	 */
	quota?: RelayQuota;
	/** Largest upstream response in bytes. Default 2 MB. */
	maxResponseBytes?: number;
	/** Whole exchange (DNS, redirects, body) in milliseconds. Default 10 s. */
	timeoutMs?: number;
	/** Largest POST body in bytes. Default 64 KB. */
	maxRequestBytes?: number;
	/** Redirects followed at most. Default 3. */
	maxRedirects?: number;
}

/** What a client asked the relay for, already split out of the HTTP request. */
export interface RelayInput {
	readonly providerId: string;
	/** The path after `/relay/{providerId}/`, percent-encoding as received. */
	readonly rawPath: string;
	/** `?…` as received, or empty. */
	readonly search: string;
	readonly method: string;
	readonly headers: Headers;
	/** Reads the request body, at most `limit` bytes (rejects with RelayError 413 beyond). */
	readonly body: (limit: number) => Promise<Buffer>;
}

/** Only these request headers reach the upstream (cookies, Authorization and the rest never do). */
const FORWARDED_REQUEST = ['accept', 'content-type'] as const;
/** Only these upstream headers reach the client (never Set-Cookie). */
const RETURNED = ['content-type', 'cache-control', 'etag', 'last-modified', 'expires', 'retry-after', 'content-language'] as const;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const USER_AGENT = 'crypto-monitor-relay/1';

export const RELAY_DEFAULTS = { maxResponseBytes: 2 * 1024 * 1024, timeoutMs: 10_000, maxRequestBytes: 64 * 1024, maxRedirects: 3 } as const;

function replaceAll(buf: Buffer, needle: Buffer, by: Buffer): Buffer {
	let at = buf.indexOf(needle);
	if (at < 0) return buf;
	const parts: Buffer[] = [];
	let from = 0;
	while (at >= 0) {
		parts.push(buf.subarray(from, at), by);
		from = at + needle.length;
		at = buf.indexOf(needle, from);
	}
	parts.push(buf.subarray(from));
	return Buffer.concat(parts);
}

const REDACTED = '[redacted]';

/** Every spelling of every key (raw, URL-encoded) that an upstream might echo back. */
function secretForms(keys: readonly string[]): string[] {
	const out = new Set<string>();
	for (const k of keys) {
		if (k.length < 4) continue;
		out.add(k);
		out.add(encodeURIComponent(k));
		out.add(new URLSearchParams({ k }).toString().slice(2));
	}
	return [...out].sort((a, b) => b.length - a.length);
}

export interface Relay {
	/** Answers one relay request; never throws. */
	handle(input: RelayInput): Promise<Response>;
}

const CORS: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS',
	'access-control-allow-headers': 'Accept, Content-Type',
	'access-control-max-age': '600'
};

/** Relayed bytes are a third party's: never a page of this origin (no scripts, no plugins, sandboxed). */
const RELAYED_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

function errorResponse(status: number, message: string, extra: Readonly<Record<string, string>> = {}): Response {
	return new Response(JSON.stringify({ error: message }), { status, headers: { 'content-type': 'application/json', ...CORS, ...extra } });
}

/**
 * The relay for browsers: reaches catalog providers' hosts only, through the address guard, with the
 * provider's key added the way the catalog declares and scrubbed from whatever comes back.
 */
export function createRelay(options: RelayOptions): Relay {
	const providers = new Map<string, ProviderSpec>(withBaseUrls(allProviders(), parseBaseUrlOverrides(options.env.CM_BASE_URLS)).map((p) => [p.id, p]));
	const secrets = options.secrets ?? envSecrets(options.env);
	const guard = { lookup: options.lookup ?? systemLookup, allowPrivateForTests: options.allowPrivateForTests ?? false };
	const limits: RelayLimits = {
		maxResponseBytes: options.maxResponseBytes ?? RELAY_DEFAULTS.maxResponseBytes,
		timeoutMs: options.timeoutMs ?? RELAY_DEFAULTS.timeoutMs,
		maxRedirects: options.maxRedirects ?? RELAY_DEFAULTS.maxRedirects
	};
	const maxRequestBytes = options.maxRequestBytes ?? RELAY_DEFAULTS.maxRequestBytes;
	const turn = new Map<string, number>();

	const keysOf = (p: ProviderSpec): readonly string[] => (p.auth.kind === 'none' ? [] : secrets.keys(p.auth.env));

	/** The key for this call: from the shared budget when there is one (429 when it is spent), else in turn. */
	function take(provider: ProviderSpec, keys: readonly string[]): RelayTicket | undefined {
		const shared = options.quota?.acquire(provider.id);
		if (shared && 'waitMs' in shared) {
			const secs = Math.max(1, Math.ceil(shared.waitMs / 1000));
			throw new RelayError(429, `'${provider.id}' has spent its request budget for now; retry in ${secs} s`, { 'retry-after': String(secs) });
		}
		if (shared) return shared;
		if (keys.length === 0 || provider.auth.kind === 'none') return undefined;
		const n = turn.get(provider.id) ?? 0;
		turn.set(provider.id, n + 1);
		return { key: keys[n % keys.length] as string, settle: () => undefined };
	}

	async function relay(input: RelayInput): Promise<Response> {
		if (input.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
		if (input.method !== 'GET' && input.method !== 'POST') throw new RelayError(405, `the relay answers GET (and POST for JSON-RPC providers), not ${input.method.slice(0, 10)}`);
		const provider = providers.get(input.providerId);
		if (!provider) {
			const shown = ID.test(input.providerId) ? ` '${input.providerId}'` : '';
			throw new RelayError(404, `unknown provider${shown}: the relay only reaches catalog providers`);
		}
		if (provider.retired) throw new RelayError(404, `provider '${provider.id}' is retired`);
		if (input.method === 'POST' && provider.category !== 'rpc') throw new RelayError(405, `POST is relayed only to JSON-RPC providers; '${provider.id}' takes GET`);

		const url = relayTarget(provider.baseUrl, input.rawPath, input.search);
		const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'accept-encoding': 'identity' };
		for (const name of FORWARDED_REQUEST) {
			const v = input.headers.get(name);
			if (v !== null && v.length <= 256 && !/[\r\n\0]/.test(v)) headers[name] = v;
		}
		headers.accept ??= 'application/json, */*;q=0.8';

		let body: Buffer | undefined;
		if (input.method === 'POST') {
			const type = (input.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
			if (!JSON_TYPE.test(type)) throw new RelayError(415, 'a relayed POST must be JSON: send Content-Type: application/json');
			const declared = Number(input.headers.get('content-length') ?? '');
			if (Number.isFinite(declared) && declared > maxRequestBytes) throw new RelayError(413, `the request body is too large: at most ${maxRequestBytes} bytes`);
			body = await input.body(maxRequestBytes);
			try {
				JSON.parse(body.toString('utf8'));
			} catch {
				throw new RelayError(400, 'the request body is not valid JSON');
			}
		} else {
			delete headers['content-type'];
		}

		const keys = keysOf(provider);
		const ticket = take(provider, keys);
		const key = ticket?.key ?? '';
		if (key !== '' && provider.auth.kind !== 'none') {
			if (provider.auth.kind === 'query') url.searchParams.set(provider.auth.param, key);
			else headers[provider.auth.param.toLowerCase()] = (provider.auth.prefix ?? '') + key;
		}

		const base = new URL(provider.baseUrl);
		const result = await guardedFetch({ url, method: input.method, headers, ...(body ? { body } : {}) }, { host: base.host, providerId: provider.id }, guard, limits);
		ticket?.settle(result.status, result.headers);

		let out = result.body;
		const forms = secretForms(keys);
		const redacted = Buffer.from(REDACTED);
		for (const f of forms) out = replaceAll(out, Buffer.from(f), redacted);
		const responseHeaders = new Headers(CORS);
		for (const name of RETURNED) {
			const v = result.headers[name];
			if (typeof v !== 'string') continue;
			let clean = v;
			for (const f of forms) clean = clean.replaceAll(f, REDACTED);
			responseHeaders.set(name, clean);
		}
		responseHeaders.set('content-length', String(out.length));
		responseHeaders.set('content-security-policy', RELAYED_CSP);
		responseHeaders.set('x-content-type-options', 'nosniff');
		responseHeaders.set('x-relay-provider', provider.id);
		// A body is not allowed with these statuses.
		const empty = result.status === 204 || result.status === 304 || (result.status >= 100 && result.status < 200);
		return new Response(empty ? null : new Uint8Array(out), { status: result.status < 200 ? 502 : result.status, headers: responseHeaders });
	}

	return {
		async handle(input) {
			try {
				return await relay(input);
			} catch (error) {
				if (error instanceof RelayError) return errorResponse(error.status, error.message, error.headers);
				// The message stays here: it may carry an upstream URL.
				console.error('relay failed:', error instanceof Error ? error.name : 'error');
				return errorResponse(502, 'the relay failed');
			}
		}
	};
}
