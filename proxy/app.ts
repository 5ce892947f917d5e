import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { Engine } from '../shared/engine';
import { dataRoutes } from './routes/data';
import { healthRoutes } from './routes/health';
import { spaStatic } from './static';

export interface AppOptions {
	/** When the process started, in epoch milliseconds. */
	startedAt: number;
	/** The running version (package.json). */
	version: string;
	/** The clock. Default: `Date.now`. */
	now?: () => number;
	/** Folder holding the built SPA. Default: `build/` at the project root. */
	staticRoot?: string;
	/** The engine answering `/api/data/*`; without one those routes are absent. */
	engine?: Engine;
}

const defaultStaticRoot = fileURLToPath(new URL('../build', import.meta.url));

/** Builds the proxy: one Hono app per resource under routes/, then the SPA for everything else. */
export function createApp({ startedAt, version, now, staticRoot = defaultStaticRoot, engine }: AppOptions) {
	const app = new Hono().route('/', healthRoutes({ startedAt, version, now }));
	if (engine) app.route('/', dataRoutes(engine));

	// Last, after every route: the built app for every other GET outside /api.
	app.use('*', spaStatic({ root: staticRoot }));

	app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${c.req.path}` }, 404));
	app.onError((error, c) => {
		// The message stays in the log: errors may carry upstream URLs or keys.
		console.error(`${c.req.method} ${c.req.path} failed:`, error);
		return c.json({ error: 'Internal error' }, 500);
	});

	return app;
}

/** The typed shape of the API, for `hc<AppType>()` in the app and in tests. */
export type AppType = ReturnType<typeof createApp>;
