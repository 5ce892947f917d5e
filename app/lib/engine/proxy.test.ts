import { describe, expect, it } from 'vitest';
import { ProxyMonitor, toQuery } from './proxy';

/** A fetch that answers from a table and records what it was asked. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
	const calls: { url: string; init: RequestInit }[] = [];
	const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
		const url = String(input);
		calls.push({ url, init });
		return answer(url, init);
	}) as typeof fetch;
	return { fn, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('toQuery', () => {
	it('writes lists comma-joined, texts one parameter each, and skips undefined', () => {
		expect(toQuery({ symbols: ['BTC', 'ETH'], vs: 'USD', limit: 5, skip: undefined })).toBe('?symbols=BTC%2CETH&vs=USD&limit=5');
		expect(toQuery({ texts: ['up, up', 'down'] })).toBe('?texts=up%2C+up&texts=down');
		expect(toQuery({})).toBe('');
	});
});

describe('ProxyMonitor', () => {
	it('reads a data answer without the attempts and sends the admin token only on writes', async () => {
		const { fn, calls } = fakeFetch((url) =>
			url.includes('/api/data/price')
				? json(200, { ok: true, data: [{ symbol: 'BTC', vs: 'USD', price: 1, ts: 5 }], source: 'kraken', ts: 5, cached: false, stale: false, latencyMs: 3, attempts: [{ provider: 'kraken' }] })
				: json(200, { pool: 'p', capability: 'price', from: 'a', to: 'b', reason: 'manual', at: 1 })
		);
		const api = new ProxyMonitor('http://proxy.test/', () => 'tok', fn);
		const r = await api.data('price', { symbols: ['BTC'] }, { fresh: true });
		expect(r).toEqual({ ok: true, value: { data: [{ symbol: 'BTC', vs: 'USD', price: 1, ts: 5 }], source: 'kraken', ts: 5, cached: false, stale: false, latencyMs: 3 } });
		expect(calls[0]?.url).toBe('http://proxy.test/api/data/price?symbols=BTC&fresh=true');
		expect((calls[0]?.init.headers as Record<string, string>).authorization).toBeUndefined();
		await api.rotate('p', 'price');
		expect(calls[1]?.init.method).toBe('POST');
		expect((calls[1]?.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
	});

	it('turns refusals, bodies that are not JSON and network errors into readable failures', async () => {
		const answers = [json(401, { error: 'admin token required' }), new Response('<html>', { status: 502 }), json(503, { error: 'all providers failed', code: 'all_failed' })];
		const { fn } = fakeFetch(() => {
			const next = answers.shift();
			if (!next) throw new TypeError('Failed to fetch');
			return next;
		});
		const api = new ProxyMonitor('', () => '', fn);
		expect(await api.deletePool('x')).toEqual({ ok: false, code: 'admin_token', message: 'admin token required' });
		expect(await api.status()).toEqual({ ok: false, code: 'bad_response', message: 'The proxy answered 502 without JSON.' });
		expect(await api.data('price', { symbols: ['BTC'] })).toEqual({ ok: false, code: 'all_failed', message: 'all providers failed' });
		expect(await api.providers()).toMatchObject({ ok: false, code: 'network' });
	});

	it('reads "no diagnostics yet" as null', async () => {
		const { fn } = fakeFetch(() => json(200, null));
		expect(await new ProxyMonitor('', () => '', fn).lastDiagnostics()).toEqual({ ok: true, value: null });
	});
});
