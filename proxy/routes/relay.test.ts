import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../relay/fake-upstream';
import { pinnedLookup, type LookupAll, type ResolvedAddress } from '../relay';
import type { RelayOptions } from '../relay';
import { relayRoutes } from './relay';

/**
 * The relay route on `app.request`, against a loopback fake upstream reached through the name
 * `up.test`, which an injected lookup resolves (no real DNS, no internet).
 */

const CMC_KEY = 'cmc-FAKEKEY-7f3a9c1e55';
const ETHERSCAN_KEY = 'eth-FAKEKEY-b41d22+/=';
const KEYS = { COINMARKETCAP_KEY: CMC_KEY, ETHERSCAN_KEY };

let up: FakeUpstream;

beforeAll(async () => {
	up = await startFakeUpstream();
});
afterAll(() => up.close());
beforeEach(() => {
	up.received.length = 0;
});

const v4 = (address: string): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 });

/** `up.test` resolves to `answers` (default loopback); every other name fails. */
function resolver(answers: readonly string[] = ['127.0.0.1']): LookupAll & { calls: string[] } {
	const calls: string[] = [];
	const fn = async (host: string) => {
		calls.push(host);
		if (host !== 'up.test') throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
		return answers.map(v4);
	};
	return Object.assign(fn, { calls });
}

const overrides = (base: string, ids = ['kraken', 'coinmarketcap', 'etherscan', 'ethereum-publicnode']) => JSON.stringify(Object.fromEntries(ids.map((id) => [id, base])));

/** The relay app with every test provider on `up.test` and loopback allowed for exactly 127.0.0.1. */
function relay(options: Partial<RelayOptions> = {}, base = `http://up.test:${up.port}/base`) {
	return relayRoutes({ env: { ...KEYS, CM_BASE_URLS: overrides(base) }, lookup: resolver(), allowPrivateForTests: ['127.0.0.1'], ...options });
}

async function call(app: ReturnType<typeof relay>, path: string, init?: RequestInit) {
	const res = await app.request(path, init);
	const text = await res.text();
	return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('relay: which providers', () => {
	it.each(['nope', 'NOPE', 'kraken2', '__proto__', 'constructor', 'toString', 'a'.repeat(80), 'cors-anywhere'])('refuses the non-catalog id %j with 404', async (id) => {
		const r = await call(relay(), `/relay/${id}/x`);
		expect(r.status).toBe(404);
		expect(r.json().error).toMatch(/unknown provider.*catalog providers/);
		expect(up.received).toHaveLength(0);
	});

	it('never relays an id that URL parsing turns into a dot-dot segment', async () => {
		expect((await call(relay(), '/relay/%2e%2e/kraken/x')).status).toBe(404);
		expect(up.received).toHaveLength(0);
	});

	it('relays GET to a catalog provider, under its base path', async () => {
		const r = await call(relay(), '/relay/kraken/0/public/Ticker?pair=XBTUSD');
		expect(r.status).toBe(200);
		expect(r.json()).toEqual({ ok: true, path: '/base/0/public/Ticker' });
		expect(up.received[0]?.url).toBe('/base/0/public/Ticker?pair=XBTUSD');
		expect(up.received[0]?.headers.host).toBe(`up.test:${up.port}`);
	});

	it('answers preflights and other methods clearly', async () => {
		const pre = await call(relay(), '/relay/kraken/x', { method: 'OPTIONS' });
		expect(pre.status).toBe(204);
		expect(pre.headers.get('access-control-allow-origin')).toBe('*');
		for (const method of ['PUT', 'DELETE', 'PATCH']) {
			const r = await call(relay(), '/relay/kraken/x', { method });
			expect(r.status).toBe(405);
			expect(r.json().error).toMatch(/GET/);
		}
		const post = await call(relay(), '/relay/kraken/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(post.status).toBe(405);
		expect(post.json().error).toMatch(/JSON-RPC/);
		expect(up.received).toHaveLength(0);
	});
});

describe('relay: paths stay under the base', () => {
	it.each([
		'/relay/kraken/..%2f..%2fadmin',
		'/relay/kraken/%2e%2e%2fadmin',
		'/relay/kraken/%252e%252e/admin',
		'/relay/kraken/a%5c..%5cadmin',
		'/relay/kraken/http:%2F%2Fevil.example%2Fx',
		'/relay/kraken/http://evil.example/x',
		'/relay/kraken//evil.example/x',
		'/relay/kraken/@evil.example',
		'/relay/kraken/a%40evil.example',
		'/relay/kraken/a%0d%0aSet-Cookie:%20x=1',
		'/relay/kraken/a%00',
		'/relay/kraken/x?a=%0d%0aX-Injected:%201'
	])('refuses %s with 400', async (path) => {
		const r = await call(relay(), path);
		expect(r.status).toBe(400);
		expect(r.json().error).toBeTypeOf('string');
		expect(up.received).toHaveLength(0);
	});

	it.each(['/relay/kraken/..', '/relay/kraken/../../admin', '/relay/kraken/%2e%2e/%2e%2e/admin', '/relay/kraken/a/..\\..\\..\\admin'])(
		'%s, normalised by URL parsing before routing, never reaches outside the base',
		async (path) => {
			const r = await call(relay(), path);
			expect(r.status).toBeGreaterThanOrEqual(200);
			for (const got of up.received) expect(got.url.startsWith('/base/')).toBe(true);
		}
	);
});

describe('relay: the address guard (no test override)', () => {
	// Provider base URLs pointing straight at addresses that must never be reached.
	it.each([
		'http://127.0.0.1',
		'http://127.1.2.3:8080',
		'http://[::1]',
		'http://10.0.0.1',
		'http://10.255.1.2:9000',
		'http://169.254.169.254',
		'http://169.254.10.10',
		'http://192.168.1.10',
		'http://172.20.0.5',
		'http://100.64.0.1',
		'http://0.0.0.0',
		'http://[::ffff:127.0.0.1]',
		'http://[::ffff:169.254.169.254]',
		'http://[fd00::1]',
		'http://[fe80::1]',
		'http://224.0.0.1'
	])('refuses a provider at %s with 403', async (base) => {
		const r = await call(relay({ allowPrivateForTests: false }, `${base}/base`), '/relay/kraken/x');
		expect(r.status).toBe(403);
		expect(r.json().error).toMatch(/^refused: .* address; the relay only reaches public addresses$/);
	});

	it.each([['127.0.0.1'], ['::1'], ['10.1.2.3'], ['169.254.169.254'], ['192.168.0.2'], ['::ffff:127.0.0.1'], ['fc00::5'], ['93.184.216.34', '10.0.0.1'], ['2606:4700::1', '::1']])(
		'refuses a name that resolves to %j (any answer private is enough)',
		async (...answers) => {
			const r = await call(relay({ allowPrivateForTests: false, lookup: resolver(answers) }), '/relay/kraken/x');
			expect(r.status).toBe(403);
			expect(r.json().error).toMatch(/^refused: up\.test resolves to .*; the relay only reaches public addresses$/);
			expect(up.received).toHaveLength(0);
		}
	);

	it('refuses loopback by default: the override is an explicit option only', async () => {
		const r = await call(relayRoutes({ env: { CM_BASE_URLS: overrides(`http://127.0.0.1:${up.port}/base`), CM_RELAY_ALLOW_PRIVATE: '1', ALLOW_PRIVATE: 'true' } }), '/relay/kraken/echo');
		expect(r.status).toBe(403);
		expect(up.received).toHaveLength(0);
	});

	it('answers 502 when the name does not resolve', async () => {
		const r = await call(relay({ lookup: async () => [] }), '/relay/kraken/x');
		expect(r.status).toBe(502);
		expect(r.json().error).toMatch(/could not resolve up\.test/);
	});
});

describe('relay: pinning (DNS rebinding)', () => {
	it('resolves once per hop and connects to the vetted address, never asking DNS again', async () => {
		const lookup = resolver();
		// `up.test` is unknown to the system resolver: the request only succeeds through the pinned address.
		const r = await call(relay({ lookup }), '/relay/kraken/echo');
		expect(r.status).toBe(200);
		expect(lookup.calls).toEqual(['up.test']);
	});

	it('the pinned lookup answers only the vetted address, and only for its host', () => {
		const pin = pinnedLookup('up.test', { address: '127.0.0.1', family: 4 });
		const got: unknown[] = [];
		pin('up.test', { all: true }, (err, address) => got.push(err, address));
		pin('up.test', {}, (err, address, family) => got.push(err, address, family));
		pin('evil.test', {}, (err) => got.push((err as Error | null)?.message));
		expect(got).toEqual([null, [{ address: '127.0.0.1', family: 4 }], null, '127.0.0.1', 4, 'relay: unexpected host in lookup']);
	});
});

describe('relay: redirects', () => {
	const redirect = (to: string, status = 302) => `/relay/kraken/redirect?to=${encodeURIComponent(to)}&status=${status}`;

	it.each([301, 302, 303, 307, 308])('follows a %i on the same host, re-checking it', async (status) => {
		const lookup = resolver();
		const r = await call(relay({ lookup }), redirect(`http://up.test:${up.port}/base/echo`, status));
		expect(r.status).toBe(200);
		expect(r.json().url).toBe('/base/echo');
		expect(lookup.calls).toEqual(['up.test', 'up.test']);
	});

	it.each([
		'http://127.0.0.1:1/x',
		'http://[::1]:1/x',
		'http://10.0.0.1/x',
		'http://169.254.169.254/latest/meta-data/',
		'http://192.168.1.1/x',
		'http://[::ffff:127.0.0.1]/x',
		'http://evil.example/x',
		'http://user:pw@up.test/x',
		'https://up.test/x',
		'file:///etc/passwd',
		'gopher://up.test/x'
	])('refuses a redirect to %s with 403', async (to) => {
		const r = await call(relay(), redirect(to));
		expect(r.status).toBe(403);
		expect(r.json().error).toMatch(/^refused: /);
		expect(up.received).toHaveLength(1);
	});

	it.each(['127.0.0.2', '::1', '10.0.0.1', '169.254.169.254', '192.168.7.7', '::ffff:127.0.0.1'])(
		'refuses a same-host redirect once the name re-resolves to %s',
		async (second) => {
			let n = 0;
			const lookup: LookupAll = async () => [v4(n++ === 0 ? '127.0.0.1' : second)];
			const r = await call(relay({ lookup }), redirect(`/base/echo`));
			expect(r.status).toBe(403);
			expect(r.json().error).toContain(`up.test resolves to ${second}`);
			expect(up.received).toHaveLength(1);
		}
	);

	it('stops after 3 redirects', async () => {
		let to = `/base/echo`;
		for (let i = 0; i < 4; i++) to = `/base/redirect?to=${encodeURIComponent(to)}`;
		const r = await call(relay(), `/relay/kraken${to}`);
		expect(r.status).toBe(502);
		expect(r.json().error).toMatch(/more than 3 times/);
		expect(up.received).toHaveLength(4);
	});
});

describe('relay: what passes through', () => {
	it('forwards only safe request headers and returns no cookies', async () => {
		const r = await call(relay(), '/relay/kraken/echo', {
			headers: { cookie: 'sid=browser-secret', authorization: 'Bearer admin-token', accept: 'application/json', 'x-forwarded-for': '1.2.3.4', referer: 'http://me', origin: 'http://me' }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('set-cookie')).toBeNull();
		expect(r.headers.get('x-internal')).toBeNull();
		expect(r.headers.get('content-type')).toBe('application/json');
		expect(r.headers.get('content-security-policy')).toContain('sandbox');
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		const sent = up.received[0]?.headers ?? {};
		expect(sent.cookie).toBeUndefined();
		expect(sent.authorization).toBeUndefined();
		expect(sent['x-forwarded-for']).toBeUndefined();
		expect(sent.referer).toBeUndefined();
		expect(sent.origin).toBeUndefined();
		expect(sent.accept).toBe('application/json');
	});

	it('adds a header key upstream and never returns it', async () => {
		const r = await call(relay(), '/relay/coinmarketcap/echo');
		expect(r.status).toBe(200);
		expect(up.received[0]?.headers['x-cmc_pro_api_key']).toBe(CMC_KEY);
		expect(r.text).not.toContain(CMC_KEY);
		expect(r.text).toContain('[redacted]');
	});

	it('adds a query key upstream and never returns it, in any spelling', async () => {
		const r = await call(relay(), '/relay/etherscan/echo?module=stats');
		expect(r.status).toBe(200);
		const sent = new URL(up.received[0]?.url ?? '', 'http://x');
		expect(sent.searchParams.get('apikey')).toBe(ETHERSCAN_KEY);
		expect(sent.searchParams.get('module')).toBe('stats');
		for (const form of [ETHERSCAN_KEY, encodeURIComponent(ETHERSCAN_KEY), new URLSearchParams({ k: ETHERSCAN_KEY }).toString().slice(2)]) expect(r.text).not.toContain(form);
	});

	it('keeps keys out of error messages', async () => {
		const slow = await call(relay({ timeoutMs: 100 }), '/relay/etherscan/slow');
		const far = await call(relay(), `/relay/coinmarketcap/redirect?to=${encodeURIComponent('http://10.0.0.1/x')}`);
		for (const r of [slow, far]) {
			expect(r.status).toBeGreaterThanOrEqual(400);
			expect(r.text).not.toContain(CMC_KEY);
			expect(r.text).not.toContain('FAKEKEY');
		}
	});

	it('decompresses an upstream that compresses anyway', async () => {
		const r = await call(relay(), '/relay/kraken/gzip');
		expect(r.json()).toEqual({ compressed: true });
	});
});

describe('relay: caps', () => {
	it('aborts a streamed response beyond the size cap', async () => {
		const ok = await call(relay({ maxResponseBytes: 4096 }), '/relay/kraken/big?n=4096');
		expect(ok.status).toBe(200);
		expect(ok.text).toHaveLength(4096);
		const r = await call(relay({ maxResponseBytes: 4096 }), '/relay/kraken/big?n=200000');
		expect(r.status).toBe(502);
		expect(r.json().error).toMatch(/larger than the relay allows \(4096 bytes\)/);
	});

	it('refuses a declared length beyond the cap, and holds 2 MB by default', async () => {
		const r = await call(relay(), `/relay/kraken/declared?n=${2 * 1024 * 1024 + 1}`);
		expect(r.status).toBe(502);
		expect(r.json().error).toMatch(/2097152 bytes/);
		const ok = await call(relay(), `/relay/kraken/big?n=${2 * 1024 * 1024}`);
		expect(ok.status).toBe(200);
	});

	it('gives up after the time cap', async () => {
		const t0 = Date.now();
		const r = await call(relay({ timeoutMs: 200 }), '/relay/kraken/slow');
		expect(r.status).toBe(504);
		expect(r.json().error).toBe('the upstream did not answer within 200 ms');
		expect(Date.now() - t0).toBeLessThan(2000);
	});

	it('counts a hung DNS lookup against the time cap', async () => {
		const r = await call(relay({ timeoutMs: 100, lookup: () => new Promise(() => {}) }), '/relay/kraken/x');
		expect(r.status).toBe(504);
	});
});

describe('relay: POST for JSON-RPC providers', () => {
	const rpc = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] });
	const post = (body: string, type = 'application/json') => ({ method: 'POST', headers: { 'content-type': type, cookie: 'a=b' }, body });

	it('relays the body intact', async () => {
		const r = await call(relay(), '/relay/ethereum-publicnode/echo', post(rpc));
		expect(r.status).toBe(200);
		expect(up.received[0]?.method).toBe('POST');
		expect(up.received[0]?.body).toBe(rpc);
		expect(up.received[0]?.headers['content-type']).toBe('application/json');
		expect(up.received[0]?.headers.cookie).toBeUndefined();
	});

	it.each([
		['not JSON', post('eth_blockNumber'), 400, /not valid JSON/],
		['a form', post('a=1', 'application/x-www-form-urlencoded'), 415, /must be JSON/],
		['over 64 KB', post(JSON.stringify({ pad: 'x'.repeat(70 * 1024) })), 413, /at most 65536 bytes/]
	] as const)('refuses %s', async (_what, init, status, message) => {
		const r = await call(relay(), '/relay/ethereum-publicnode/echo', init);
		expect(r.status).toBe(status);
		expect(r.json().error).toMatch(message);
		expect(up.received).toHaveLength(0);
	});

	it('caps a streamed body without a Content-Length too', async () => {
		const big = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }));
		const body = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < big.length; i += 8192) c.enqueue(big.subarray(i, i + 8192));
				c.close();
			}
		});
		const r = await call(relay(), '/relay/ethereum-publicnode/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
		expect(r.status).toBe(413);
	});

	it('sends a 303 on as GET without the body', async () => {
		const r = await call(relay(), `/relay/ethereum-publicnode/redirect?status=303&to=${encodeURIComponent('/base/echo')}`, post(rpc));
		expect(r.status).toBe(200);
		expect(up.received.map((x) => x.method)).toEqual(['POST', 'GET']);
		expect(up.received[1]?.body).toBe('');
	});

	it('keeps POST and the body on a 307', async () => {
		const r = await call(relay(), `/relay/ethereum-publicnode/redirect?status=307&to=${encodeURIComponent('/base/echo')}`, post(rpc));
		expect(r.status).toBe(200);
		expect(up.received.map((x) => x.method)).toEqual(['POST', 'POST']);
		expect(up.received[1]?.body).toBe(rpc);
	});
});
