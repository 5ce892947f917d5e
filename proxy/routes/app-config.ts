import { Hono } from 'hono';
import { z } from 'zod';
import type { AppConfig } from '../../shared/api/monitor';
import { parseBaseUrlOverrides } from '../../shared/catalog/config';

const Mode = z.enum(['auto', 'direct', 'proxy']);

/**
 * The app's deployment defaults from the environment: `CM_APP_MODE` (auto, direct or proxy) and
 * `CM_APP_BASE_URLS` (CM_BASE_URLS' format: where direct mode finds each provider; the demo and
 * the tests aim it at the loopback simulator). Unset: `{}`, the app's own defaults. Bad values
 * stop the server at start with a message naming the variable.
 */
export function appConfigFromEnv(env: Readonly<Record<string, string | undefined>>): AppConfig {
	const config: AppConfig = {};
	if (env.CM_APP_MODE) {
		const mode = Mode.safeParse(env.CM_APP_MODE);
		if (!mode.success) throw new Error(`CM_APP_MODE must be auto, direct or proxy (got '${env.CM_APP_MODE.slice(0, 20)}')`);
		config.mode = mode.data;
	}
	if (env.CM_APP_BASE_URLS) {
		try {
			config.baseUrls = parseBaseUrlOverrides(env.CM_APP_BASE_URLS);
		} catch (e) {
			throw new Error(`CM_APP_BASE_URLS: ${(e as Error).message.replace('CM_BASE_URLS', 'the value')}`);
		}
	}
	return config;
}

/** Origins of the plain-http base URLs, which the page CSP must let the worker call. */
export const httpOrigins = (config: AppConfig): string[] =>
	[...new Set(Object.values(config.baseUrls ?? {}).map((u) => new URL(u.replace('{id}', 'x')).origin))].filter((o) => o.startsWith('http:'));

/** `GET /app-config.json`, beside the app's index.html as a static host would serve it. */
export function appConfigRoutes(config: AppConfig) {
	return new Hono().get('/app-config.json', (c) => {
		c.header('Cache-Control', 'no-cache');
		return c.json(config, 200);
	});
}
