import { promises as dns } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { bareAddress, classifyAddress, describeClass, familyOf, isAddressLiteral } from './address';
import { RelayError } from './path';

/** One DNS answer. */
export interface ResolvedAddress {
	readonly address: string;
	readonly family: number;
}

/** Every address a name resolves to (like `dns.lookup(name, { all: true })`). Tests inject their own. */
export type LookupAll = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: LookupAll = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface GuardOptions {
	lookup: LookupAll;
	/**
	 * Tests only: `true` lets every private/loopback address through, a list lets exactly those
	 * addresses through. Never set from the environment.
	 */
	allowPrivateForTests?: boolean | readonly string[];
}

/** An address the guard accepted, for connecting to that address and no other. */
export interface VettedAddress {
	readonly address: string;
	readonly family: 4 | 6;
}

const allowedForTests = (address: string, allow: GuardOptions['allowPrivateForTests']): boolean =>
	allow === true || (Array.isArray(allow) && allow.includes(address));

/**
 * Resolves `hostname` (all addresses) and refuses (403) when ANY answer is not a public address.
 * Returns the first answer, which the request then connects to (pinned).
 */
export async function vetHost(hostname: string, { lookup, allowPrivateForTests }: GuardOptions): Promise<VettedAddress> {
	const host = bareAddress(hostname);
	let answers: readonly ResolvedAddress[];
	if (isAddressLiteral(host)) {
		answers = [{ address: host, family: familyOf(host) }];
	} else {
		try {
			answers = await lookup(host);
		} catch {
			throw new RelayError(502, `the relay could not resolve ${host}`);
		}
	}
	if (answers.length === 0) throw new RelayError(502, `the relay could not resolve ${host}`);
	for (const { address } of answers) {
		const cls = classifyAddress(address);
		if (cls !== undefined && !allowedForTests(bareAddress(address), allowPrivateForTests)) {
			const what = host === bareAddress(address) ? `${host} is` : `${host} resolves to ${address},`;
			throw new RelayError(403, `refused: ${what} ${describeClass(cls)}; the relay only reaches public addresses`);
		}
	}
	const first = answers[0] as ResolvedAddress;
	const address = bareAddress(first.address);
	return { address, family: familyOf(address) };
}

/** A `lookup` for net.connect that answers only with the vetted address, so a second DNS answer cannot swap it. */
export function pinnedLookup(hostname: string, vetted: VettedAddress): LookupFunction {
	const expected = bareAddress(hostname).toLowerCase();
	return (name, options, callback) => {
		if (bareAddress(name).toLowerCase() !== expected) {
			callback(Object.assign(new Error('relay: unexpected host in lookup'), { code: 'ENOTFOUND' }), '', 0);
			return;
		}
		if (options.all) callback(null, [{ address: vetted.address, family: vetted.family }]);
		else callback(null, vetted.address, vetted.family);
	};
}

export interface RelayRequest {
	/** The checked upstream URL, on the provider's host. */
	readonly url: URL;
	readonly method: 'GET' | 'POST';
	/** Outgoing headers (already filtered; lower-case names). */
	readonly headers: Readonly<Record<string, string>>;
	readonly body?: Buffer;
}

export interface RelayLimits {
	maxResponseBytes: number;
	timeoutMs: number;
	maxRedirects: number;
}

export interface RelayResult {
	readonly status: number;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
	/** Redirects followed. */
	readonly hops: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function send(url: URL, vetted: VettedAddress, method: string, headers: Record<string, string>, body: Buffer | undefined, signal: AbortSignal): Promise<IncomingMessage> {
	return new Promise((resolve, reject) => {
		const mod = url.protocol === 'https:' ? https : http;
		const req = mod.request(url, { method, headers, signal, lookup: pinnedLookup(url.hostname, vetted), agent: false }, resolve);
		req.on('error', reject);
		req.end(body);
	});
}

const tooLarge = (max: number) => new RelayError(502, `the upstream response is larger than the relay allows (${max} bytes)`);

/** Reads the body, decompressing if the upstream compressed it anyway, and aborts beyond `max` bytes. */
async function readCapped(res: IncomingMessage, max: number): Promise<Buffer> {
	const declared = Number(res.headers['content-length'] ?? '');
	if (Number.isFinite(declared) && declared > max) {
		res.destroy();
		throw tooLarge(max);
	}
	const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
	let stream: Readable = res;
	const decoder =
		encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : undefined;
	if (decoder) {
		stream = decoder;
		pipeline(res, decoder, () => {});
	} else if (encoding !== 'identity' && encoding !== '') {
		res.destroy();
		throw new RelayError(502, `the upstream answered with an unsupported content-encoding (${encoding.slice(0, 40)})`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const buf = chunk as Buffer;
			size += buf.length;
			if (size > max) {
				res.destroy();
				stream.destroy();
				throw tooLarge(max);
			}
			chunks.push(buf);
		}
	} catch (error) {
		if (error instanceof RelayError) throw error;
		if (decoder && !res.destroyed) throw new RelayError(502, 'the upstream response could not be decompressed');
		throw error;
	}
	return Buffer.concat(chunks);
}

/** `work`, or a rejection as soon as `signal` aborts (a hung DNS lookup must not outlive the deadline). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(new Error('aborted'));
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(new Error('aborted'));
		signal.addEventListener('abort', onAbort, { once: true });
		work.then(
			(v) => {
				signal.removeEventListener('abort', onAbort);
				resolve(v);
			},
			(e: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(e instanceof Error ? e : new Error(String(e)));
			}
		);
	});
}

export interface HopPolicy {
	/** The provider's `host` (hostname and port): every hop must stay on it. */
	readonly host: string;
	readonly providerId: string;
}

/** One hop's URL rules: http(s), no userinfo, the provider's host, no downgrade from https. */
function checkHop(url: URL, policy: HopPolicy, from: URL | undefined): void {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RelayError(403, 'refused: the upstream redirected to a non-http(s) URL');
	if (url.username !== '' || url.password !== '') throw new RelayError(403, 'refused: the upstream redirected to a URL with credentials');
	if (url.host !== policy.host) {
		throw new RelayError(403, `refused: the upstream redirected to another host; the relay only reaches ${policy.providerId} at ${policy.host}`);
	}
	if (from?.protocol === 'https:' && url.protocol === 'http:') throw new RelayError(403, 'refused: the upstream redirected from https to http');
}

/**
 * One relayed request: every hop is checked (host, address after resolution), connected to the
 * vetted address only, redirects followed by hand, the whole exchange bounded in time and size.
 * Throws {@link RelayError} with a message that names no URL query and no key.
 */
export async function guardedFetch(request: RelayRequest, policy: HopPolicy, guard: GuardOptions, limits: RelayLimits): Promise<RelayResult> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
	let url = request.url;
	let method: string = request.method;
	let body = request.body;
	const headers: Record<string, string> = { ...request.headers };
	let previous: URL | undefined;
	try {
		for (let hops = 0; ; hops++) {
			checkHop(url, policy, previous);
			const vetted = await untilAborted(vetHost(url.hostname, guard), controller.signal);
			const res = await send(url, vetted, method, { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) }, body, controller.signal);
			const status = res.statusCode ?? 502;
			const location = res.headers.location;
			if (REDIRECTS.has(status) && location !== undefined) {
				res.destroy();
				if (hops >= limits.maxRedirects) throw new RelayError(502, `the upstream redirected more than ${limits.maxRedirects} times`);
				let next: URL;
				try {
					next = new URL(location, url);
				} catch {
					throw new RelayError(502, 'the upstream redirected to an invalid URL');
				}
				if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
					method = 'GET';
					body = undefined;
					delete headers['content-type'];
				}
				previous = url;
				url = next;
				continue;
			}
			const data = await readCapped(res, limits.maxResponseBytes);
			return { status, headers: res.headers, body: data, hops };
		}
	} catch (error) {
		if (controller.signal.aborted) throw new RelayError(504, `the upstream did not answer within ${limits.timeoutMs} ms`);
		if (error instanceof RelayError) throw error;
		const code = (error as { code?: unknown }).code;
		throw new RelayError(502, `the upstream could not be reached${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}`);
	} finally {
		clearTimeout(timer);
	}
}
