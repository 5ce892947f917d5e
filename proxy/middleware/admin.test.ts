import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { adminOnly, resolveAdminToken, tokenMatches } from './admin';

const app = new Hono().post('/x', adminOnly({ token: 's3cret-token' }), (c) => c.json({ ok: true }, 200));
const call = (authorization?: string) => app.request('/x', { method: 'POST', headers: authorization ? { Authorization: authorization } : {} });

describe('adminOnly', () => {
	it('answers 401 with a Bearer challenge when no token is sent', async () => {
		const res = await call();
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect(await res.json()).toHaveProperty('error');
	});

	it('answers 401 for a credential that is not a bearer token', async () => {
		expect((await call('Basic czNjcmV0LXRva2Vu')).status).toBe(401);
		expect((await call('s3cret-token')).status).toBe(401);
	});

	it('answers 403 for a wrong token, without echoing either token', async () => {
		const res = await call('Bearer s3cret-tokeN');
		expect(res.status).toBe(403);
		const text = await res.text();
		expect(text).not.toContain('s3cret');
	});

	it('lets the right token through', async () => {
		expect((await call('Bearer s3cret-token')).status).toBe(200);
		expect((await call('bearer   s3cret-token')).status).toBe(200);
	});
});

describe('tokens', () => {
	it('compares whole tokens only, whatever their lengths', () => {
		expect(tokenMatches('abc', 'abc')).toBe(true);
		expect(tokenMatches('ab', 'abc')).toBe(false);
		expect(tokenMatches('abcd', 'abc')).toBe(false);
		expect(tokenMatches('', '')).toBe(false);
	});

	it('uses CM_ADMIN_TOKEN when set, and makes a random one otherwise', () => {
		expect(resolveAdminToken({ CM_ADMIN_TOKEN: ' set-token ' })).toEqual({ token: 'set-token', generated: false });
		const made = resolveAdminToken({}, (n) => Buffer.alloc(n, 1));
		expect(made.generated).toBe(true);
		expect(made.token).toBe(Buffer.alloc(24, 1).toString('base64url'));
		expect(resolveAdminToken({ CM_ADMIN_TOKEN: '' }).token).not.toBe(resolveAdminToken({}).token);
	});
});
