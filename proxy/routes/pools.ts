import { Hono } from 'hono';
import { NewMember, NewPool, PROBE_POOL_PREFIX, PoolMemberParams, PoolParams, RotateBody } from '../../shared/api/rest';
import type { Engine, PoolConfig } from '../../shared/engine';
import { adminOnly } from '../middleware/admin';
import { validate } from '../middleware/validate';
import { poolView } from '../../shared/api/views';
import type { UserResources } from '../user-providers';

export interface PoolsOptions {
	engine: Engine;
	adminToken: string;
	now: () => number;
	/** Keeps pools and rotations in the database; without it they live in memory only. */
	users?: UserResources;
}

const isListed = (p: PoolConfig): boolean => !p.id.startsWith(PROBE_POOL_PREFIX);
const isDefault = (id: string): boolean => id.startsWith('default-');

/** `/api/pools…`: pools, their members and rotations; changes need the admin token. */
export function poolRoutes({ engine, adminToken, now, users }: PoolsOptions) {
	const admin = adminOnly({ token: adminToken });
	const find = (id: string): PoolConfig | undefined => engine.pools().find((p) => p.id === id && isListed(p));
	const unknownProviders = (ids: readonly string[]): string[] => ids.filter((id) => !engine.runtime(id));
	const noPool = (id: string) => ({ error: `no pool '${id}'` });

	/** The members' problems, or undefined when every member is a known provider listed once. */
	const badMembers = (members: readonly { provider: string }[]): string | undefined => {
		const unknown = unknownProviders(members.map((m) => m.provider));
		if (unknown.length > 0) return `unknown provider(s): ${unknown.slice(0, 5).join(', ')}`;
		const dupes = members.map((m) => m.provider).filter((p, i, all) => all.indexOf(p) !== i);
		if (dupes.length > 0) return `provider(s) listed twice: ${[...new Set(dupes)].join(', ')}`;
		return undefined;
	};

	return new Hono()
		.get('/api/pools', (c) => {
			const t = now();
			const pools = engine
				.pools()
				.filter(isListed)
				.map((p) => poolView(engine, p, t));
			return c.json({ pools, total: pools.length }, 200);
		})
		.get('/api/pools/history', (c) => {
			const rotations = users ? users.rotations() : [...engine.rotationHistory()].reverse();
			return c.json({ rotations, total: rotations.length }, 200);
		})
		.get('/api/pools/:id', validate('param', PoolParams), (c) => {
			const { id } = c.req.valid('param');
			const pool = find(id);
			if (!pool) return c.json(noPool(id), 404);
			return c.json(poolView(engine, pool, now()), 200);
		})
		.post('/api/pools', admin, validate('json', NewPool), (c) => {
			const input = c.req.valid('json');
			if (find(input.id)) return c.json({ error: `pool '${input.id}' exists; delete it first or add members` }, 409);
			const bad = badMembers(input.members);
			if (bad) return c.json({ error: bad }, 400);
			const pool = engine.upsertPool(input);
			users?.savePool(pool);
			return c.json(poolView(engine, pool, now()), 201);
		})
		.put('/api/pools/:id', admin, validate('param', PoolParams), validate('json', NewPool), (c) => {
			const { id } = c.req.valid('param');
			const input = c.req.valid('json');
			if (input.id !== id) return c.json({ error: `the body's id '${input.id}' differs from the path's '${id}'` }, 400);
			const bad = badMembers(input.members);
			if (bad) return c.json({ error: bad }, 400);
			const existed = find(id) !== undefined;
			const pool = engine.upsertPool(input);
			users?.savePool(pool);
			return c.json(poolView(engine, pool, now()), existed ? 200 : 201);
		})
		.delete('/api/pools/:id', admin, validate('param', PoolParams), (c) => {
			const { id } = c.req.valid('param');
			if (isDefault(id)) return c.json({ error: `'${id}' is a default pool: it always exists` }, 409);
			if (!find(id) || !engine.removePool(id)) return c.json(noPool(id), 404);
			users?.deletePool(id);
			return c.json({ deleted: id }, 200);
		})
		.post('/api/pools/:id/members', admin, validate('param', PoolParams), validate('json', NewMember), (c) => {
			const { id } = c.req.valid('param');
			const member = c.req.valid('json');
			const pool = find(id);
			if (!pool) return c.json(noPool(id), 404);
			if (isDefault(id)) return c.json({ error: `'${id}' is a default pool: its members are every provider offering it` }, 409);
			if (!engine.runtime(member.provider)) return c.json({ error: `unknown provider '${member.provider}'` }, 404);
			if (pool.members.some((m) => m.provider === member.provider)) return c.json({ error: `'${member.provider}' is already in pool '${id}'` }, 409);
			if (pool.members.length >= 500) return c.json({ error: 'a pool has at most 500 members' }, 409);
			const updated = engine.upsertPool({ ...pool, members: [...pool.members, member] });
			users?.savePool(updated);
			return c.json(poolView(engine, updated, now()), 201);
		})
		.delete('/api/pools/:id/members/:providerId', admin, validate('param', PoolMemberParams), (c) => {
			const { id, providerId } = c.req.valid('param');
			const pool = find(id);
			if (!pool) return c.json(noPool(id), 404);
			if (isDefault(id)) return c.json({ error: `'${id}' is a default pool: its members are every provider offering it` }, 409);
			if (!pool.members.some((m) => m.provider === providerId)) return c.json({ error: `'${providerId}' is not in pool '${id}'` }, 404);
			const updated = engine.upsertPool({ ...pool, members: pool.members.filter((m) => m.provider !== providerId) });
			users?.savePool(updated);
			return c.json(poolView(engine, updated, now()), 200);
		})
		.post('/api/pools/:id/rotate', admin, validate('param', PoolParams), validate('json', RotateBody), (c) => {
			const { id } = c.req.valid('param');
			const pool = find(id);
			if (!pool) return c.json(noPool(id), 404);
			const asked = c.req.valid('json').capability;
			const capability = asked ?? (pool.capabilities.length === 1 ? pool.capabilities[0] : undefined);
			if (!capability) return c.json({ error: `pool '${id}' serves several capabilities: say which one, e.g. {"capability":"price"}` }, 400);
			if (pool.capabilities.length > 0 && !pool.capabilities.includes(capability)) return c.json({ error: `pool '${id}' does not serve ${capability}` }, 400);
			const record = engine.rotate(id, capability);
			if (!record) return c.json({ error: `pool '${id}' has not answered ${capability} yet: nothing to rotate away from` }, 409);
			return c.json(record, 200);
		});
}
