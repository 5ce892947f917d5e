import { describe, expect, it } from 'vitest';
import { healthRoutes } from './health';

describe('GET /health', () => {
	it('answers ok with the uptime since the injected start time', async () => {
		const app = healthRoutes({ startedAt: 1_000, version: '1.2.3', now: () => 62_999 });

		const res = await app.request('/health');

		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(await res.json()).toEqual({ status: 'ok', uptimeSeconds: 61, version: '1.2.3' });
	});

	it('never reports a negative uptime when the clock steps back', async () => {
		const app = healthRoutes({ startedAt: 10_000, version: '1.2.3', now: () => 5_000 });

		const body = await (await app.request('/health')).json();

		expect(body).toMatchObject({ uptimeSeconds: 0 });
	});
});
