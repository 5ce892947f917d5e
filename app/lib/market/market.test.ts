import { describe, expect, it } from 'vitest';
import { fetchPrices, formatAge, formatChange, formatPrice, pricesUrl } from './market';

const answer = (body: unknown, status = 200) => {
	const calls: string[] = [];
	const fetchFn = (input: string) => {
		calls.push(input);
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		return Promise.resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
	};
	return { fetchFn, calls };
};

const btc = { symbol: 'BTC', vs: 'USD', price: 7984.89, ts: 1_700_000_000_000 };
const eth = { symbol: 'ETH', vs: 'USD', price: 2000.5, change24hPct: -1.5, volume24h: 10, ts: 1_700_000_000_000 };
const ok = (data: unknown[], extra: object = {}) => ({
	ok: true,
	data,
	source: 'coingecko',
	attempts: [{ provider: 'coingecko', outcome: 'ok', latencyMs: 5 }],
	latencyMs: 5,
	cached: false,
	stale: false,
	ts: 1_700_000_000_000,
	...extra
});

describe('fetchPrices', () => {
	it('asks the proxy for the symbols and returns the quotes in that order', async () => {
		const { fetchFn, calls } = answer(ok([eth, btc]));
		const result = await fetchPrices(fetchFn, ['BTC', 'ETH']);
		expect(calls).toEqual(['/api/data/price?symbols=BTC,ETH']);
		expect(result).toEqual({
			ok: true,
			data: {
				quotes: [btc, { symbol: 'ETH', vs: 'USD', price: 2000.5, change24hPct: -1.5, ts: 1_700_000_000_000 }],
				missing: [],
				source: 'coingecko',
				cached: false,
				stale: false,
				ts: 1_700_000_000_000
			}
		});
	});

	it('lists symbols the source did not answer and drops duplicate quotes', async () => {
		const { fetchFn } = answer(ok([btc, btc], { stale: true, cached: true }));
		const result = await fetchPrices(fetchFn, ['BTC', 'ETH']);
		expect(result.ok && result.data).toMatchObject({ quotes: [btc], missing: ['ETH'], stale: true, cached: true });
	});

	it('shows the server error message of a failed answer', async () => {
		const { fetchFn } = answer({ error: 'price: every provider failed', code: 'all_failed', attempts: [] }, 503);
		expect(await fetchPrices(fetchFn)).toEqual({ ok: false, message: 'price: every provider failed' });
	});

	it('falls back to the HTTP status when the failure has no error message', async () => {
		const { fetchFn } = answer('<html>bad gateway</html>', 502);
		expect(await fetchPrices(fetchFn)).toEqual({ ok: false, message: 'The proxy answered HTTP 502.' });
	});

	it('reports a body that is not JSON', async () => {
		const { fetchFn } = answer('<html>');
		expect(await fetchPrices(fetchFn)).toEqual({ ok: false, message: 'The proxy answered something that is not JSON.' });
	});

	it('reports a body of the wrong shape', async () => {
		expect((await fetchPrices(answer(ok([])).fetchFn)).ok).toBe(false);
		expect((await fetchPrices(answer(ok([{ ...btc, price: '7984' }])).fetchFn)).ok).toBe(false);
		expect((await fetchPrices(answer({ ok: true }).fetchFn)).ok).toBe(false);
	});

	it('reports a network failure', async () => {
		const result = await fetchPrices(() => Promise.reject(new TypeError('fetch failed')));
		expect(result).toEqual({ ok: false, message: 'The proxy could not be reached (fetch failed).' });
	});

	it('encodes the symbols', () => {
		expect(pricesUrl(['BTC', 'A&B'])).toBe('/api/data/price?symbols=BTC,A%26B');
	});
});

describe('formatPrice', () => {
	it('formats USD with two decimals, and small prices with significant digits', () => {
		expect(formatPrice(7984.89, 'USD', 'en-US')).toBe('$7,984.89');
		expect(formatPrice(60740, 'USD', 'en-US')).toBe('$60,740.00');
		expect(formatPrice(0.000123456, 'USD', 'en-US')).toBe('$0.0001235');
	});

	it('falls back to the ticker for a quote currency that is not ISO 4217', () => {
		expect(formatPrice(1.5, 'USDT', 'en-US')).toBe('1.50 USDT');
	});
});

describe('formatChange', () => {
	it('signs the percentage', () => {
		expect(formatChange(1.234, 'en-US')).toBe('+1.23%');
		expect(formatChange(-0.5, 'en-US')).toBe('-0.50%');
		expect(formatChange(0, 'en-US')).toBe('0.00%');
	});
});

describe('formatAge', () => {
	it('counts seconds, then minutes, hours and days', () => {
		const now = 1_700_000_000_000;
		expect(formatAge(now - 12_400, now)).toBe('updated 12 s ago');
		expect(formatAge(now - 3 * 60_000, now)).toBe('updated 3 min ago');
		expect(formatAge(now - 2 * 3_600_000, now)).toBe('updated 2 h ago');
		expect(formatAge(now - 3 * 86_400_000, now)).toBe('updated 3 d ago');
	});

	it('treats a timestamp ahead of our clock as just now', () => {
		expect(formatAge(1_000_000, 999_000)).toBe('updated 0 s ago');
	});
});
