import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit';

function appWith(perMinute: number, clock: { t: number }, trustProxy = false) {
	return new Hono().use(rateLimit({ perMinute, now: () => clock.t, trustProxy })).get('/', (c) => c.text('ok'));
}

describe('rateLimit', () => {
	it('allows a burst of perMinute, then answers 429 with Retry-After', async () => {
		const clock = { t: 0 };
		const app = appWith(60, clock);
		for (let i = 0; i < 60; i++) expect((await app.request('/')).status).toBe(200);
		const res = await app.request('/');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('1');
	});

	it('refills continuously: one token per minute/perMinute', async () => {
		const clock = { t: 0 };
		const app = appWith(2, clock);
		await app.request('/');
		await app.request('/');
		expect((await app.request('/')).status).toBe(429);
		clock.t += 29_000;
		expect((await app.request('/')).status).toBe(429);
		clock.t += 1_000;
		expect((await app.request('/')).status).toBe(200);
	});

	it('counts clients apart by X-Forwarded-For only when told to trust it', async () => {
		const clock = { t: 0 };
		const trusting = appWith(1, clock, true);
		expect((await trusting.request('/', { headers: { 'X-Forwarded-For': '1.1.1.1' } })).status).toBe(200);
		expect((await trusting.request('/', { headers: { 'X-Forwarded-For': '2.2.2.2' } })).status).toBe(200);
		expect((await trusting.request('/', { headers: { 'X-Forwarded-For': '1.1.1.1' } })).status).toBe(429);
		// The reverse proxy appends the address it saw: a client cannot pick its own bucket by
		// sending an X-Forwarded-For of its own (here 9.9.9.9, ahead of the real 1.1.1.1).
		expect((await trusting.request('/', { headers: { 'X-Forwarded-For': '9.9.9.9, 1.1.1.1' } })).status).toBe(429);
		const plain = appWith(1, clock);
		expect((await plain.request('/', { headers: { 'X-Forwarded-For': '1.1.1.1' } })).status).toBe(200);
		expect((await plain.request('/', { headers: { 'X-Forwarded-For': '2.2.2.2' } })).status).toBe(429);
	});
});
