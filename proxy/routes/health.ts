import { Hono } from 'hono';

export interface HealthOptions {
	/** When the process started, in epoch milliseconds. */
	startedAt: number;
	/** The running version (package.json). */
	version: string;
	/** The clock; injected so tests control uptime. Default: `Date.now`. */
	now?: () => number;
}

/** GET /health: liveness for load balancers, Playwright's webServer and the app's status card. */
export function healthRoutes({ startedAt, version, now = Date.now }: HealthOptions) {
	return new Hono().get('/health', (c) => {
		const uptimeSeconds = Math.max(0, Math.floor((now() - startedAt) / 1000));
		c.header('Cache-Control', 'no-store');
		return c.json({ status: 'ok' as const, uptimeSeconds, version }, 200);
	});
}
