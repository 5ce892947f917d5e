/**
 * The relay's path rules: what a client may append to a provider's base URL. The raw (still
 * percent-encoded) path is checked segment by segment, decoded once, and refused when anything could
 * climb out of the base path, change the host, or smuggle a header.
 */

/** A refusal: a 4xx status and a message safe to show (never an upstream URL or a key). */
export class RelayError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 405 | 413 | 415 | 429 | 502 | 504,
		message: string,
		/** Extra response headers (Retry-After on a 429). */
		readonly headers: Readonly<Record<string, string>> = {}
	) {
		super(message);
		this.name = 'RelayError';
	}
}

/** RFC 3986 pchar without `@`: unreserved, sub-delims, `:` and percent-escapes. */
const RAW_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const CONTROL = /[\u0000-\u001f\u007f]/;

const refuse = (message: string): never => {
	throw new RelayError(400, message);
};

function decode(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return refuse('the path has a malformed percent-escape');
	}
}

/**
 * Checks the raw path a client asked for (without the `/relay/{id}/` prefix, percent-encoding as
 * received) and returns it, unchanged, for appending to the base path. Throws {@link RelayError} 400.
 */
export function checkRelayPath(raw: string): string {
	if (raw.length > 2048) refuse('the path is too long (at most 2048 characters)');
	if (raw.includes('\\')) refuse('backslashes are not allowed in the path');
	if (CONTROL.test(raw)) refuse('control characters (CR, LF, …) are not allowed in the path');
	if (raw.includes('@')) refuse("'@' is not allowed in the path");
	if (SCHEME.test(raw) || raw.startsWith('//')) refuse('absolute URLs are not allowed: give a path under the provider');
	if (raw === '') return '';
	const segments = raw.split('/');
	segments.forEach((seg, i) => {
		// One trailing slash is fine; empty segments elsewhere are not.
		if (seg === '' && i !== segments.length - 1) refuse('empty path segments (//) are not allowed');
		if (!RAW_SEGMENT.test(seg)) refuse('the path has characters that must be percent-encoded');
		const decoded = decode(seg);
		if (decoded === '.' || decoded === '..') refuse("'.' and '..' segments are not allowed: the path must stay under the provider's base");
		if (decoded.includes('/') || decoded.includes('\\')) refuse('encoded slashes and backslashes are not allowed in the path');
		if (CONTROL.test(decoded)) refuse('control characters (CR, LF, …) are not allowed in the path');
		if (decoded.includes('@')) refuse("'@' is not allowed in the path");
		if (decoded.includes('%')) refuse('double percent-encoding is not allowed in the path');
	});
	return raw;
}

/** Checks the raw query string (`?a=1&b=2` or empty); control characters, even encoded, are refused. */
export function checkRelayQuery(search: string): string {
	if (search === '' || search === '?') return '';
	if (search.length > 4096) refuse('the query string is too long (at most 4096 characters)');
	if (CONTROL.test(search)) refuse('control characters (CR, LF, …) are not allowed in the query string');
	let decoded: string;
	try {
		decoded = decodeURIComponent(search.replace(/\+/g, ' '));
	} catch {
		return refuse('the query string has a malformed percent-escape');
	}
	if (CONTROL.test(decoded)) refuse('control characters (CR, LF, …) are not allowed in the query string');
	return search.startsWith('?') ? search : `?${search}`;
}

/**
 * The upstream URL: the provider's base URL, its path plus the checked relay path, and the query.
 * Refuses (400) anything that would not stay on the base's origin and under its path.
 */
export function relayTarget(baseUrl: string, rawPath: string, search: string): URL {
	const base = new URL(baseUrl);
	const basePath = base.pathname.replace(/\/+$/, '');
	const path = checkRelayPath(rawPath);
	const query = checkRelayQuery(search);
	const target = new URL(`${base.origin}${basePath}/${path}${query}`);
	if (target.origin !== base.origin || target.username !== '' || target.password !== '') refuse('the path must stay on the provider host');
	if (target.pathname !== `${basePath}/` && !target.pathname.startsWith(`${basePath}/`)) refuse("the path must stay under the provider's base path");
	return target;
}
