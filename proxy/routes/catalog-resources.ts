import { Hono, type Context } from 'hono';
import { BackupParams, CategoryParams, ImportBody, NewUserProvider, PROBE_POOL_PREFIX, ProviderParams } from '../../shared/api/rest';
import type { Category, Engine } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import { Backups, Resources, Transfer, UserProviderSpec, type StoreDb } from '../store';
import { providerView } from '../../shared/api/views';

export interface CatalogResourcesOptions {
	engine: Engine;
	/** The database; without it only the catalog is listed and every other route answers 503. */
	db?: StoreDb;
	adminToken: string;
	now: () => number;
}

const noDatabase = (c: Context) => c.json({ error: 'this needs the database, and this proxy runs without one' }, 503);
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
/** Stored user providers are data only: nothing turns them into live adapters yet. */
const userView = (p: UserProviderSpec) => ({ ...p, live: false });

/**
 * `/api/resources` (the catalog and user providers), export and all-or-nothing import of user
 * providers and pools, backups and restore, and user providers added or deleted at run time.
 * Nothing here carries a key: keys live in the environment only.
 */
export function catalogResourceRoutes({ engine, db, adminToken, now }: CatalogResourcesOptions) {
	const admin = adminOnly({ token: adminToken });
	const catalogIds = (): ReadonlySet<string> => new Set(engine.runtimes().map((rt) => rt.spec.id));
	const resources = db && new Resources(db, now);
	const backups = db && new Backups(db, { now });
	const transfer = () => db && new Transfer(db, { catalogProviderIds: catalogIds(), now });

	const list = (category?: Category) => {
		const t = now();
		const catalog = engine
			.runtimes()
			.filter((rt) => category === undefined || rt.spec.category === category)
			.map((rt) => providerView(rt, t));
		const user = (resources?.providers() ?? []).filter((p) => category === undefined || p.category === category).map(userView);
		return { catalog, user, total: catalog.length + user.length };
	};

	return new Hono()
		.get('/api/resources', (c) => c.json(list(), 200))
		.get('/api/resources/category/:category', validate('param', CategoryParams), (c) => c.json(list(c.req.valid('param').category), 200))
		.get('/api/resources/export/json', (c) => {
			const t = transfer();
			if (!t) return noDatabase(c);
			c.header('Content-Disposition', `attachment; filename="crypto-monitor-resources-${stamp(now())}.json"`);
			return c.body(t.exportJson(), 200, { 'Content-Type': 'application/json; charset=utf-8' });
		})
		.get('/api/resources/export/csv', (c) => {
			const t = transfer();
			if (!t) return noDatabase(c);
			c.header('Content-Disposition', `attachment; filename="crypto-monitor-resources-${stamp(now())}.csv"`);
			return c.body(t.exportCsv(), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
		})
		.post('/api/resources/import/json', admin, validate('json', ImportBody), (c) => {
			const t = transfer();
			if (!t || !resources) return noDatabase(c);
			const { mode, data, ...rest } = c.req.valid('json');
			const doc = data ?? rest;
			const result = t.importJson(JSON.stringify(doc), { mode });
			if (!result.ok) return c.json({ error: result.message, code: result.reason, issues: result.issues }, result.reason === 'too_large' ? 413 : 400);
			// Pools whose members are all live providers go into the engine now; the rest stay stored.
			const ids = (Array.isArray(doc.pools) ? doc.pools : []).flatMap((p: unknown) => (p !== null && typeof p === 'object' && 'id' in p && typeof p.id === 'string' ? [p.id] : []));
			let appliedPools = 0;
			for (const id of ids) {
				const pool = resources.pool(id);
				if (!pool || id.startsWith('default-') || id.startsWith(PROBE_POOL_PREFIX)) continue;
				if (!pool.members.every((m) => engine.runtime(m.provider))) continue;
				engine.upsertPool(pool);
				appliedPools++;
			}
			return c.json({ ok: true as const, mode: result.mode, providers: result.providers, pools: result.pools, appliedPools }, 200);
		})
		.post('/api/resources/backup', admin, async (c) => {
			if (!backups) return noDatabase(c);
			try {
				return c.json(await backups.backup(), 201);
			} catch (error) {
				console.error('backup failed:', error instanceof Error ? error.message : error);
				return c.json({ error: 'the backup could not be written (see the server log)' }, 503);
			}
		})
		.get('/api/resources/backups', (c) => {
			if (!backups) return noDatabase(c);
			const all = backups.list();
			return c.json({ backups: all, total: all.length }, 200);
		})
		.post('/api/resources/backups/:name/restore', admin, validate('param', BackupParams), async (c) => {
			if (!backups) return noDatabase(c);
			const result = await backups.restore(c.req.valid('param').name);
			if (!result.ok) return c.json({ error: result.message, code: result.reason }, result.reason === 'not_found' ? 404 : 409);
			return c.json({ restored: result.restored, schemaVersion: result.schemaVersion }, 200);
		})
		.post('/api/resources/provider', admin, validate('json', NewUserProvider), (c) => {
			if (!resources) return noDatabase(c);
			const parsed = UserProviderSpec.safeParse(c.req.valid('json'));
			if (!parsed.success) return c.json({ error: `invalid body: ${parsed.error.issues[0]?.message ?? 'not a provider'}` }, 400);
			const spec = parsed.data;
			if (engine.runtime(spec.id)) return c.json({ error: `'${spec.id}' is a catalog provider's id; choose another` }, 409);
			if (resources.provider(spec.id)) return c.json({ error: `user provider '${spec.id}' exists; delete it first` }, 409);
			resources.putProvider(spec);
			return c.json(userView(spec), 201);
		})
		.delete('/api/resources/provider/:id', admin, validate('param', ProviderParams), (c) => {
			if (!resources) return noDatabase(c);
			const { id } = c.req.valid('param');
			if (!resources.deleteProvider(id)) return c.json({ error: `no user provider '${id}'` }, 404);
			return c.json({ deleted: id }, 200);
		});
}
