import http from 'node:http';
import https from 'node:https';
import { pinnedLookup, systemLookup, vetHost, type GuardOptions } from '../relay/fetch';

export interface PostOptions {
	/** Whole request, connect to last byte, ms. */
	timeoutMs: number;
	/**
	 * The relay's address guard for user-given URLs (webhooks, push endpoints): private and loopback
	 * addresses are refused after DNS, and the connection is pinned to the vetted address.
	 * Undefined for operator-configured URLs (the Telegram base), which are trusted.
	 */
	guard?: GuardOptions;
}

export interface PostResult {
	status: number;
	/** The first 4 KiB of the answer. */
	body: string;
}

/** A guard with the system resolver and the loopback test override (CM_RELAY_ALLOW_LOOPBACK) when given. */
export const addressGuard = (allowPrivateForTests?: readonly string[]): GuardOptions => ({ lookup: systemLookup, ...(allowPrivateForTests ? { allowPrivateForTests } : {}) });

/**
 * One POST. Redirects are not followed (a target could bounce it inward). Errors carry no URL:
 * a Telegram URL holds the bot token.
 */
export async function post(target: string, body: string | Buffer, headers: Record<string, string>, { timeoutMs, guard }: PostOptions): Promise<PostResult> {
	const url = new URL(target);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('only http and https targets');
	const vetted = guard ? await vetHost(url.hostname, guard) : undefined;
	const mod = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = mod.request(
			url,
			{
				method: 'POST',
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
				signal: AbortSignal.timeout(timeoutMs),
				agent: false,
				...(vetted ? { lookup: pinnedLookup(url.hostname, vetted) } : {})
			},
			(res) => {
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (c: Buffer) => {
					if (size < 4096) chunks.push(c);
					size += c.length;
				});
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 4096) }));
				res.on('error', () => reject(new Error('the target broke off its answer')));
			}
		);
		req.on('error', (error: Error) => reject(new Error(error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'the target could not be reached')));
		req.end(body);
	});
}
