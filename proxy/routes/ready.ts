import { Hono } from 'hono';
import type { Engine, Store } from '../../shared/engine';
import { storeAnswers } from './diagnostics';

export interface ReadyOptions {
	engine?: Engine;
	store?: Store;
}

/** `GET /ready`: 200 when the engine is built and, with a store wired, the store answers; else 503. */
export function readyRoutes({ engine, store }: ReadyOptions) {
	return new Hono().get('/ready', async (c) => {
		const checks: Record<string, boolean> = { engine: engine !== undefined };
		if (store) checks.store = await storeAnswers(store);
		const ready = Object.values(checks).every(Boolean);
		c.header('Cache-Control', 'no-store');
		return c.json({ ready, checks }, ready ? 200 : 503);
	});
}
