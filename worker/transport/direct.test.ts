import { describe, expect, it } from 'vitest';
import { directTransport, MAX_BODY_BYTES, type FetchLike } from './direct';

const abort = { signal: new AbortController().signal };

describe('directTransport', () => {
	it('sends no cookies and no referrer, and returns status, lower-case headers and body', async () => {
		let init: RequestInit | undefined;
		const fake: FetchLike = async (_url, i) => {
			init = i;
			return new Response('{"ok":1}', { status: 429, headers: { 'Retry-After': '5', 'Content-Type': 'application/json' } });
		};
		const res = await directTransport(fake).fetch({ url: 'https://x.example.org/a', method: 'POST', headers: { accept: 'application/json' }, body: '{}' }, abort);
		expect(res).toEqual({ status: 429, headers: { 'retry-after': '5', 'content-type': 'application/json' }, body: '{"ok":1}' });
		expect(init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors', body: '{}' });
	});

	it('refuses a body declared larger than the limit without reading it', async () => {
		const fake: FetchLike = async () => new Response('x', { headers: { 'content-length': String(MAX_BODY_BYTES + 1) } });
		await expect(directTransport(fake).fetch({ url: 'https://x.example.org', method: 'GET', headers: {} }, abort)).rejects.toThrow(/too large/);
	});

	it('rejects on a network error, as the engine expects', async () => {
		const fake: FetchLike = async () => {
			throw new TypeError('Failed to fetch');
		};
		await expect(directTransport(fake).fetch({ url: 'https://x.example.org', method: 'GET', headers: {} }, abort)).rejects.toThrow(/Failed to fetch/);
	});
});
