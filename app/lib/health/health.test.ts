import { describe, expect, it } from 'vitest';
import { fetchHealth, formatUptime } from './health';

const answer = (body: string, status = 200) => () =>
	Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

describe('fetchHealth', () => {
	it('returns the parsed report when the proxy is alive', async () => {
		const result = await fetchHealth(answer('{"status":"ok","uptimeSeconds":12,"version":"0.1.0"}'));
		expect(result).toEqual({ ok: true, data: { status: 'ok', uptimeSeconds: 12, version: '0.1.0' } });
	});

	it('reports an HTTP error status instead of throwing', async () => {
		const result = await fetchHealth(answer('{"error":"down"}', 503));
		expect(result).toEqual({ ok: false, message: 'The proxy answered HTTP 503.' });
	});

	it('reports a body that is not JSON', async () => {
		const result = await fetchHealth(answer('<html>'));
		expect(result.ok).toBe(false);
	});

	it('reports a body of the wrong shape', async () => {
		const result = await fetchHealth(answer('{"status":"ok"}'));
		expect(result.ok).toBe(false);
	});

	it('reports a network failure', async () => {
		const result = await fetchHealth(() => Promise.reject(new TypeError('fetch failed')));
		expect(result).toEqual({ ok: false, message: 'The proxy could not be reached (fetch failed).' });
	});
});

describe('formatUptime', () => {
	it('shows only the units that matter', () => {
		expect(formatUptime(42)).toBe('42s');
		expect(formatUptime(3725)).toBe('1h 2m 5s');
		expect(formatUptime(90_061)).toBe('1d 1h 1m 1s');
	});
});
