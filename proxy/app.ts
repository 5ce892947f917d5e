import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Engine, Store } from '../shared/engine';
import { resolveAdminToken } from './middleware/admin';
import { ClientBuckets, rateLimit, type RateLimitOptions } from './middleware/rate-limit';
import { apiCors, CorsPolicy, inlineScriptHashes, limitBody, securityHeaders } from './middleware/security';
import { FastReads } from './fast-reads';
import { Metrics } from './metrics';
import { catalogResourceRoutes } from './routes/catalog-resources';
import { AnswerBytes, dataRoutes } from './routes/data';
import { diagnosticsRoutes } from './routes/diagnostics';
import { healthRoutes } from './routes/health';
import { hierarchyRoutes } from './routes/hierarchy';
import { logRoutes, type EventLog } from './routes/logs';
import { metaRoutes } from './routes/meta';
import { monitoringRoutes, RecentRequests } from './routes/monitoring';
import { poolRoutes } from './routes/pools';
import { providerRoutes } from './routes/providers';
import { relayRoutes } from './routes/relay';
import { appConfigRoutes, httpOrigins } from './routes/app-config';
import type { AppConfig } from '../shared/api/monitor';
import { engineQuota, type RelayOptions } from './relay';
import { readyRoutes } from './routes/ready';
import { resourceRoutes } from './routes/resources';
import { marketRoutes } from './routes/market';
import { sessionRoutes } from './routes/sessions';
import { alertRoutes, type AlertRoutesOptions } from './routes/alerts';
import { sentimentRoutes } from './routes/sentiment';
import { statusRoutes } from './routes/status';
import { statusHistoryRoutes } from './routes/status-history';
import { spaStatic } from './static';
import { Logs, type StoreDb } from './store';
import type { Hub } from './ws';
import { UserResources } from './user-providers';
import { discoveryRoutes } from './routes/discovery';
import type { Discovery } from './discovery';
import { parseBaseUrlOverrides, type BaseUrlOverrides } from '../shared/catalog/config';

export interface AppOptions {
	/** When the process started, in epoch milliseconds. */
	startedAt: number;
	/** The running version (package.json). */
	version: string;
	/** The clock. Default: `Date.now`. */
	now?: () => number;
	/** Folder holding the built SPA. Default: `build/` at the project root. */
	staticRoot?: string;
	/** The engine answering `/api/*`; without one only /health, /ready, /openapi.json, /docs and /metrics exist. */
	engine?: Engine;
	/**
	 * The admin token for mutations. Default: a random one nobody knows (mutations then always
	 * answer 403); the server passes CM_ADMIN_TOKEN or the one it generated and printed.
	 */
	adminToken?: string;
	/** The store; when given, /ready and the diagnostics check that it answers. */
	store?: Store;
	/** Open WebSocket sessions, for /metrics and /api/monitoring/status. Default: the hub's count, when given. */
	wsSessions?: () => number;
	/** The SQLite database: logs, user providers, import/export and backups (those routes answer 503 without it). */
	db?: StoreDb;
	/** The engine-event writer feeding the logs; flushed before each log read. */
	eventLog?: EventLog;
	/** The WebSocket hub, for /api/sessions and /api/broadcast (503 without it). */
	hub?: Hub;
	/** Per-IP limits on /api. Default 300 per minute, socket address only. */
	rateLimit?: RateLimitOptions;
	/** Origins allowed to call mutations cross-origin (`CM_CORS_ORIGINS`). Default: none (same-origin). */
	corsOrigins?: readonly string[];
	/** Largest request body in bytes. Default 1 MB. */
	maxBodyBytes?: number;
	/** Upstream request events kept for /api/monitoring/requests/recent. Default 1,000. */
	recentRequests?: number;
	/** The relay at /relay/{providerId}/{path} for browser providers without CORS. Default: catalog URLs, no keys. */
	relay?: RelayOptions;
	/** What `/app-config.json` tells the app (mode, direct-mode base URLs). Default `{}`. */
	appConfig?: AppConfig;
	/** Alert rules, targets and delivery (/api/alerts… answer 503 without). */
	alerts?: AlertRoutesOptions['alerts'];
	/** Provider discovery (proxy/discovery); its routes answer 503 without. */
	discovery?: Discovery;
}

const defaultStaticRoot = fileURLToPath(new URL('../build', import.meta.url));

interface ApiDeps {
	engine: Engine;
	adminToken: string;
	now: () => number;
	startedAt: number;
	version: string;
	store?: Store;
	wsSessions?: () => number;
	recent: number;
	db?: StoreDb;
	eventLog?: EventLog;
	hub?: Hub;
	/** Base-URL overrides for user providers (`CM_BASE_URLS`). */
	baseUrls: BaseUrlOverrides;
	/** Tests and the offline demo: user providers may be on loopback http. */
	allowLoopback: boolean;
	alerts?: AlertRoutesOptions['alerts'];
	discovery?: Discovery;
	/** The data route's micro-cache, shared with the server's fast reads. */
	answerBytes: AnswerBytes;
}

/** Every `/api` resource, chained so paths and bodies flow into `AppType`. */
function apiRoutes({ engine, adminToken, now, startedAt, version, store, wsSessions, recent, db, eventLog, hub, baseUrls, allowLoopback, alerts, discovery, answerBytes }: ApiDeps) {
	const ring = new RecentRequests(engine, recent);
	const logs = db && new Logs(db, { now });
	// User providers, pools and rotations kept in the database, put back into the engine now.
	const users = db && new UserResources({ engine, db, now, baseUrls, allowLoopback }).start();
	// Accepted discovery candidates become user providers.
	discovery?.useProviders(users);
	return new Hono()
		.route('/', statusRoutes({ engine, startedAt, version, now }))
		.route('/', statusHistoryRoutes({ engine, now }))
		.route('/', dataRoutes(engine, answerBytes))
		.route('/', providerRoutes({ engine, adminToken, now }))
		.route('/', poolRoutes({ engine, adminToken, now, users }))
		.route('/', resourceRoutes({ engine, now }))
		.route('/', marketRoutes({ engine, now }))
		.route('/', hierarchyRoutes({ engine, now }))
		.route('/', monitoringRoutes({ engine, recent: ring, now, wsSessions }))
		.route('/', diagnosticsRoutes({ engine, adminToken, now, store }))
		.route('/', logRoutes({ logs, eventLog, adminToken, now }))
		.route('/', catalogResourceRoutes({ engine, db, adminToken, now, users }))
		.route('/', sessionRoutes({ hub, adminToken }))
		.route('/', alertRoutes({ alerts, adminToken }))
		.route('/', sentimentRoutes({ engine, now }))
		.route('/', discoveryRoutes({ discovery, adminToken }));
}

/** `CM_BASE_URLS` for user providers; a malformed value was already reported by the engine's start. */
function userBaseUrls(json: string | undefined): BaseUrlOverrides {
	try {
		return parseBaseUrlOverrides(json);
	} catch {
		return {};
	}
}

/**
 * The SPA's inline bootstrap script hashes, re-read when a new build replaces its pages: the
 * screens' own pages (relative paths, all alike: index.html stands for them) and the fallback.
 */
function spaScriptHashes(root: string): () => readonly string[] {
	let seen = '';
	let hashes: readonly string[] = [];
	return () => {
		const files = ['index.html', '200.html'].map((name) => join(root, name)).filter((file) => existsSync(file));
		try {
			const stamp = files.map((file) => `${file}:${statSync(file).mtimeMs}`).join('|');
			if (stamp !== seen) {
				hashes = [...new Set(files.flatMap((file) => inlineScriptHashes(readFileSync(file, 'utf8'))))];
				seen = stamp;
			}
		} catch {
			hashes = [];
		}
		return hashes;
	};
}

/** Builds the proxy: security and limits first, one Hono app per resource under routes/, then the SPA. */
export function createApp(options: AppOptions) {
	return createProxyApp(options).app;
}

/**
 * The proxy's Hono app, and (with an engine) the fast reads the node server puts in front of it
 * (proxy/fast-reads.ts), sharing its answer bytes, rate-limit buckets, CORS policy and metrics.
 */
export function createProxyApp({
	startedAt,
	version,
	now = Date.now,
	staticRoot = defaultStaticRoot,
	engine,
	adminToken = resolveAdminToken({}).token,
	store,
	wsSessions: sessionsCount,
	db,
	eventLog,
	hub,
	rateLimit: limits,
	corsOrigins = [],
	maxBodyBytes,
	recentRequests = 1_000,
	relay = { env: {} },
	appConfig = {},
	alerts,
	discovery
}: AppOptions) {
	const wsSessions = sessionsCount ?? (hub ? () => hub.stats().sessions : undefined);
	const metrics = new Metrics();
	const cors = new CorsPolicy(corsOrigins);
	const { now: limitNow = now, trustProxy = false, ...sizes } = limits ?? {};
	// One bucket per client across the API, the relay and fast reads.
	const buckets = new ClientBuckets(sizes);
	const answerBytes = new AnswerBytes();
	const base = new Hono();
	base.use('*', securityHeaders({ scriptHashes: spaScriptHashes(staticRoot), connectOrigins: httpOrigins(appConfig) }));
	base.use('*', metrics.middleware());
	base.use('*', limitBody({ maxSize: maxBodyBytes }));
	base.use('/api/*', apiCors({ policy: cors }));
	const perIp = rateLimit({ now: limitNow, trustProxy, buckets });
	base.use('/api/*', perIp);
	base.use('/relay/*', perIp);

	// Without an engine the /api routes are absent; the type still describes the full API.
	const api = engine ? apiRoutes({ engine, adminToken, now, startedAt, version, store, wsSessions, recent: recentRequests, db, eventLog, hub, alerts, discovery, answerBytes, baseUrls: userBaseUrls(relay.env.CM_BASE_URLS), allowLoopback: relay.allowPrivateForTests !== undefined && relay.allowPrivateForTests !== false }) : (new Hono() as ReturnType<typeof apiRoutes>);
	const app = base
		.route('/', healthRoutes({ startedAt, version, now }))
		.route('/', readyRoutes({ engine, store }))
		.route('/', metaRoutes({ version, metrics, engine, wsSessions }))
		.route('/', relayRoutes(engine && !relay.quota ? { ...relay, quota: engineQuota(engine, now) } : relay))
		.route('/', appConfigRoutes(appConfig))
		.route('/', api);

	// Last, after every route: the built app for every other GET outside /api.
	app.use('*', spaStatic({ root: staticRoot }));

	app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${c.req.path.slice(0, 200)}` }, 404));
	app.onError((error, c) => {
		// Framework-raised client errors (malformed JSON, bad headers) keep their 4xx status.
		if (error instanceof HTTPException && error.status < 500) return c.json({ error: error.message || 'bad request' }, error.status);
		// The message stays in the log: errors may carry upstream URLs or keys.
		console.error(`${c.req.method} ${c.req.path} failed:`, error);
		return c.json({ error: 'Internal error' }, 500);
	});

	const fastReads = engine ? new FastReads({ bytes: answerBytes, buckets, metrics, cors, trustProxy, now: limitNow }) : undefined;
	return { app, fastReads };
}

/** The typed shape of the API, for `hc<AppType>()` in the app and in tests. */
export type AppType = ReturnType<typeof createApp>;
