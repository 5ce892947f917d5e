import { realpathSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions as HttpServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { z } from 'zod';
import { createProxyApp } from './app';
import { appConfigFromEnv } from './routes/app-config';
import { createProxyEngine } from './engine';
import { loadDotEnv } from './env';
import { Logs, openDatabase, SqliteStore } from './store';
import { startStatusHistory } from './status-history';
import { EventLog, secretRedactor } from './routes/logs';
import { allProviders } from '../shared/catalog/registry';
import { fetchTransport, systemClock, type Engine } from '../shared/engine';
import { attachWebSocket, Hub } from './ws';
import { startAlerts } from './alerts';
import { resolveAdminToken } from './middleware/admin';
import { parseCorsOrigins } from './middleware/security';
import { readVersion } from './version';
import { discoveryFromEnv } from './discovery';

export interface ServerOptions {
	/** TCP port; 0 picks a free one. */
	port: number;
	/** Interface to listen on. */
	host: string;
	/** Folder holding the built SPA. Default: `build/`. */
	staticRoot?: string;
	/** Environment for the engine (keys, CM_BASE_URLS). Default: process.env. */
	env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningServer {
	server: ServerType;
	/** The address actually bound, e.g. `http://127.0.0.1:8787`. */
	url: string;
	/** Stops accepting connections and resolves once open ones are done. */
	close(): Promise<void>;
}

/** How long a shutdown may wait for open connections before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

const envSchema = z.object({
	PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
	// Loopback by default: the proxy will hold API keys and a relay. Set HOST=0.0.0.0 to serve others.
	HOST: z.string().min(1).default('127.0.0.1')
});

export async function startServer({ port, host, staticRoot, env = process.env }: ServerOptions): Promise<RunningServer> {
	// SQLite under ./data (CM_DATA_DIR): quotas, breaker state and learned symbols survive restarts.
	const db = openDatabase({ env });
	const store = new SqliteStore(db);
	// REDIS_URL: limits, breaker state, cache and WebSocket fan-out shared with the other processes on that
	// Redis. Imported only then: without it nothing loads ioredis.
	const scaleOut = env.REDIS_URL ? await (await import('./store/redis')).connectScaleOut(env.REDIS_URL) : undefined;
	let built: Engine | undefined;
	const engine = await createProxyEngine({ env, store, ...(scaleOut ? { transport: scaleOut.transport(fetchTransport, () => built) } : {}) });
	built = engine;
	const admin = resolveAdminToken(env);
	// Printed once, on the server's own log line: the only place a generated token is ever shown.
	if (admin.generated) console.log(`No CM_ADMIN_TOKEN set: this run's admin token is ${admin.token}`);
	const perMinute = Number(env.CM_RATE_LIMIT_PER_MIN);
	const hub = new Hub({ clock: systemClock });
	const feedEngine = scaleOut ? await scaleOut.attach(engine, hub) : engine;
	// Engine events to the logs table, one write per second; retention hourly. Keys are redacted
	// on the way in as a last line of defence (the engine already keeps them out of its messages).
	const eventLog = new EventLog(engine, new Logs(db), { redact: secretRedactor(configuredKeys(env)) }).start();
	// Incidents, uptime and latency for the status pages, kept in SQLite across restarts.
	const statusHistory = await startStatusHistory({ engine, db, store });
	// Alert rules are polled by the proxy itself; webhooks may reach loopback only under the demo's override.
	const alerts = startAlerts({ engine, db, clock: systemClock, hub, env, ...(env.CM_RELAY_ALLOW_LOOPBACK === '1' ? { allowPrivateForTests: ['127.0.0.1', '::1'] } : {}) });
	// Provider discovery: scheduled (CM_DISCOVERY_INTERVAL_H) and on demand, probes through the relay's guard.
	const discovery = discoveryFromEnv(engine, db, env, env.CM_RELAY_ALLOW_LOOPBACK === '1' ? { allowPrivateForTests: ['127.0.0.1', '::1'] } : {}).start();
	const { app, fastReads } = createProxyApp({
		startedAt: Date.now(),
		version: readVersion(),
		staticRoot,
		engine,
		store,
		db,
		eventLog,
		hub,
		// CM_RELAY_ALLOW_LOOPBACK=1 (the demo's, whose providers live on the loopback simulator) lets
		// the relay reach 127.0.0.1 and ::1; private and link-local addresses stay refused.
		relay: { env, ...(env.CM_RELAY_ALLOW_LOOPBACK === '1' ? { allowPrivateForTests: ['127.0.0.1', '::1'] } : {}) },
		appConfig: appConfigFromEnv(env),
		alerts,
		discovery,
		adminToken: admin.token,
		corsOrigins: parseCorsOrigins(env.CM_CORS_ORIGINS),
		rateLimit: { trustProxy: env.CM_TRUST_PROXY === '1', ...(Number.isInteger(perMinute) && perMinute > 0 ? { perMinute } : {}) }
	});
	return new Promise((resolve, reject) => {
		// Repeated data reads are answered before the framework (proxy/fast-reads.ts).
		const withFastReads = (options: HttpServerOptions, listener: RequestListener) => createServer(options, fastReads ? fastReads.listener(listener) : listener);
		const server = serve({ fetch: app.fetch, port, hostname: host, createServer: withFastReads as typeof createServer }, (info: AddressInfo) => {
			server.off('error', reject);
			const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
			// WebSocket at /ws and its aliases; upstream polling follows what is subscribed.
			const ws = attachWebSocket(server, { engine: feedEngine, hub });
			const close = async () => {
				// Upgraded sockets are not closed by server.close(): the hub closes them first.
				await ws.close();
				await scaleOut?.close();
				await closeServer(server);
				// Persist what changed before the database goes away.
				discovery.close();
				await discovery.settled();
				await alerts.service.close();
				eventLog.close();
				await statusHistory.close();
				await engine.close();
				db.close();
			};
			resolve({ server, url: `http://${shownHost}:${info.port}`, close });
		});
		server.once('error', reject);
	});
}

/** Every API key configured for a catalog provider (`NAME`, `NAME_1` …), for redaction. */
function configuredKeys(env: Readonly<Record<string, string | undefined>>): string[] {
	const names = new Set(allProviders().flatMap((p) => (p.auth.kind === 'none' ? [] : p.auth.env)));
	return Object.entries(env).flatMap(([name, value]) => (value && names.has(name.replace(/_\d+$/, '')) ? [value] : []));
}

function closeServer(server: ServerType): Promise<void> {
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		// Keep-alive sockets would otherwise hold close() open until they time out.
		if ('closeIdleConnections' in server) server.closeIdleConnections();
	});
}

/** The node entry: configuration from the environment, one log line, graceful SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
	// Keys and settings may sit in .env; the environment itself wins over the file.
	if (env === process.env) {
		const file = loadDotEnv(env);
		if (file) console.log(`Read settings from ${file}`);
	}
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
	}
	const running = await startServer({ port: parsed.data.PORT, host: parsed.data.HOST, env });
	console.log(`Crypto Monitor proxy on ${running.url}`);

	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal} received, shutting down`);
		setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
		running.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('Shutdown failed:', error);
				process.exit(1);
			}
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return running;
}

function isEntryPoint(): boolean {
	const entry = process.argv[1];
	if (!entry) return false;
	try {
		return pathToFileURL(realpathSync(entry)).href === import.meta.url;
	} catch {
		return false;
	}
}

if (isEntryPoint()) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
