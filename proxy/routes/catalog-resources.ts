import { Hono, type Context } from 'hono';
import { BackupParams, CategoryParams, ImportBody, NewUserProvider, PROBE_POOL_PREFIX, ProviderParams } from '../../shared/api/rest';
import type { Category, Engine } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import { Backups, Resources, Transfer, type StoreDb } from '../store';
import { providerView } from '../../shared/api/views';
import type { UserResources } from '../user-providers';

export interface CatalogResourcesOptions {
	engine: Engine;
	/** The database; without it only the catalog is listed and every other route answers 503. */
	db?: StoreDb;
	adminToken: string;
	now: () => number;
	/** User providers and pools applied to the engine (given with the database). */
	users?: UserResources;
}

const noDatabase = (c: Context) => c.json({ error: 'this needs the database, and this proxy runs without one' }, 503);
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');

/**
 * `/api/resources` (the catalog and user providers), export and all-or-nothing import of user
 * providers and pools, backups and restore, and user providers added or deleted at run time.
 * Nothing here carries a key: keys live in the environment only.
 */
export function catalogResourceRoutes({ engine, db, adminToken, now, users }: CatalogResourcesOptions) {
	const admin = adminOnly({ token: adminToken });
	// Live user providers are in the engine too, but they are not the catalog's.
	const catalogIds = (): ReadonlySet<string> => new Set(engine.runtimes().flatMap((rt) => (users?.isLive(rt.spec.id) ? [] : [rt.spec.id])));
	const resources = db && new Resources(db, now);
	const backups = db && new Backups(db, { now });
	const transfer = () => db && new Transfer(db, { catalogProviderIds: catalogIds(), now });

	const list = (category?: Category) => {
		const t = now();
		const catalog = engine
			.runtimes()
			.filter((rt) => (category === undefined || rt.spec.category === category) && !users?.isLive(rt.spec.id))
			.map((rt) => providerView(rt, t));
		const user = (users?.providers() ?? []).filter((p) => category === undefined || p.category === category);
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
			if (!t || !resources || !users) return noDatabase(c);
			const { mode, data, ...rest } = c.req.valid('json');
			const doc = data ?? rest;
			const result = t.importJson(JSON.stringify(doc), { mode });
			if (!result.ok) return c.json({ error: result.message, code: result.reason, issues: result.issues }, result.reason === 'too_large' ? 413 : 400);
			// Live user providers and pools whose members are all known go into the engine now; the rest stay stored.
			users.reload();
			const ids = (Array.isArray(doc.pools) ? doc.pools : []).flatMap((p: unknown) => (p !== null && typeof p === 'object' && 'id' in p && typeof p.id === 'string' ? [p.id] : []));
			const inEngine = new Set(engine.pools().map((p) => p.id));
			const appliedPools = ids.filter((id: string) => inEngine.has(id) && !id.startsWith(PROBE_POOL_PREFIX) && resources.pool(id)).length;
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
			users?.reload();
			return c.json({ restored: result.restored, schemaVersion: result.schemaVersion }, 200);
		})
		.post('/api/resources/provider', admin, validate('json', NewUserProvider), (c) => {
			if (!users) return noDatabase(c);
			const added = users.addProvider(c.req.valid('json'));
			if (!added.ok) return c.json({ error: added.error }, added.status);
			return c.json(added.provider, 201);
		})
		.delete('/api/resources/provider/:id', admin, validate('param', ProviderParams), (c) => {
			if (!users) return noDatabase(c);
			const { id } = c.req.valid('param');
			if (!users.deleteProvider(id)) return c.json({ error: `no user provider '${id}'` }, 404);
			return c.json({ deleted: id }, 200);
		});
}
