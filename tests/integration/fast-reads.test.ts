import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { startProxyOnSim, type ProxyOnSim } from '../sim/proxy';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * Fast reads (proxy/fast-reads.ts): a repeated `GET /api/data/…` is answered at the node server
 * from the bytes the data route made, before Hono. These tests run the real server on the
 * simulator and hold the fast answer to the one the Hono app gives: same status, headers and body,
 * same rate limit, same metrics. `cm_http_fast_reads_total` tells which path answered.
 */

let sim: Simulator;
const dirs: string[] = [];
const servers: ProxyOnSim[] = [];

async function proxy(env: Record<string, string> = {}, staticRoot?: string): Promise<ProxyOnSim> {
  const server = await startProxyOnSim(sim, { env: { CM_RATE_LIMIT_PER_MIN: '1000', ...env }, ...(staticRoot ? { staticRoot } : {}) });
  servers.push(server);
  return server;
}

async function fastReads(server: ProxyOnSim): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const m = /^cm_http_fast_reads_total (\d+)$/m.exec(text);
  if (!m) throw new Error('no cm_http_fast_reads_total in /metrics');
  return Number(m[1]);
}

interface Got {
  status: number;
  headers: Record<string, string>;
  body: string;
  fast: boolean;
}

/** One request, its whole answer, and whether it was a fast read. */
async function get(server: ProxyOnSim, path: string, init: RequestInit = {}): Promise<Got> {
  const before = await fastReads(server);
  const res = await fetch(`${server.url}${path}`, init);
  const body = await res.text();
  const headers = Object.fromEntries(res.headers);
  return { status: res.status, headers, body, fast: (await fastReads(server)) > before };
}

/**
 * Asks until the app answers from the engine's cache, which is when it keeps the bytes (the first
 * read may go upstream, unless the server's own polling already asked): that answer and the
 * number of requests it took.
 */
async function viaApp(server: ProxyOnSim, path: string, init: RequestInit = {}): Promise<{ got: Got; requests: number }> {
  for (let requests = 1; requests <= 3; requests++) {
    const got = await get(server, path, init);
    if (got.fast) throw new Error(`${path}: a fast read before the app answered from its cache`);
    if (got.status === 200 && (JSON.parse(got.body) as { cached?: boolean }).cached === true) return { got, requests };
  }
  throw new Error(`${path}: the app never answered from its cache`);
}

/** Headers that differ between any two answers (the time, the tokens left), left out of comparisons. */
function comparable(h: Record<string, string>): Record<string, string> {
  const { date: _date, 'ratelimit-remaining': _left, ...rest } = h;
  return rest;
}

const PRICE = '/api/data/price?symbols=BTC';

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  await sim.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('fast reads', () => {
  it('answer a repeated read with the headers and body the app gave it', async () => {
    const server = await proxy();
    // From the engine's cache, through the app, which keeps the bytes.
    const { got: second, requests } = await viaApp(server, PRICE);
    const third = await get(server, PRICE);
    expect(third.fast).toBe(true);
    expect(third.status).toBe(200);
    expect(third.body).toBe(second.body);
    expect(comparable(third.headers)).toEqual(comparable(second.headers));
    expect(third.headers).toMatchObject({
      'content-type': 'application/json',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'access-control-allow-origin': '*',
      'ratelimit-limit': '1000',
    });
    expect(Number(third.headers['ratelimit-remaining'])).toBe(Number(second.headers['ratelimit-remaining']) - 1);
    // Counted under the data route like any other read.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(`cm_http_requests_total{method="GET",route="/api/data/:capability",status="200"} ${requests + 1}`);
  });

  it('give cross-origin readers the same CORS headers as the app', async () => {
    const server = await proxy({ CM_CORS_ORIGINS: 'https://app.example' });
    // Two spellings of the same request: each is its own target, so each starts on the app.
    for (const [origin, path] of [['https://app.example', '/api/data/price?symbols=BTC&vs=USD'], ['https://elsewhere.example', '/api/data/price?vs=USD&symbols=BTC']] as const) {
      const init = { headers: { origin } };
      const { got: app } = await viaApp(server, path, init);
      const fast = await get(server, path, init);
      expect(fast.fast).toBe(true);
      expect(comparable(fast.headers)).toEqual(comparable(app.headers));
      expect(fast.headers['access-control-allow-origin']).toBe(origin === 'https://app.example' ? origin : '*');
      expect(fast.headers['access-control-expose-headers']).toBe('Retry-After,RateLimit-Limit,RateLimit-Remaining');
      expect(fast.headers.vary).toBe(origin === 'https://app.example' ? 'Origin' : undefined);
    }
  });

  it('take from the same per-client budget, and leave the 429 to the app', async () => {
    const server = await proxy({ CM_RATE_LIMIT_PER_MIN: '4' });
    const { got: app, requests } = await viaApp(server, PRICE);
    expect(app.headers['ratelimit-remaining']).toBe(String(4 - requests));
    const answers: Got[] = [];
    for (let i = requests; i < 5; i++) answers.push(await get(server, PRICE));
    // The rest of the budget goes to fast reads; the read past it is the app's 429.
    expect(answers.map((a) => [a.status, a.fast, a.headers['ratelimit-remaining']])).toEqual([
      ...answers.slice(0, -1).map((_, i) => [200, true, String(4 - requests - 1 - i)]),
      [429, false, '0'],
    ]);
    const refused = answers.at(-1) as Got;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toEqual({ error: expect.stringContaining('too many requests') });
  });

  it('leave fresh reads, HEAD, other paths and unusual Host headers to the app', async () => {
    const server = await proxy();
    await viaApp(server, PRICE);
    expect((await get(server, PRICE)).fast).toBe(true);

    const fresh = await get(server, `${PRICE}&fresh=true`);
    expect([fresh.status, fresh.fast]).toEqual([200, false]);
    expect(JSON.parse(fresh.body)).toMatchObject({ ok: true, cached: false });

    const head = await get(server, PRICE, { method: 'HEAD' });
    expect([head.status, head.fast, head.body]).toEqual([200, false, '']);

    // The same answer under another spelling of the path is not the same target.
    const slash = await get(server, `/api/data/price/?symbols=BTC`);
    expect([slash.status, slash.fast]).toEqual([404, false]);

    // A Host the framework would parse (and might refuse) goes to the framework.
    const before = await fastReads(server);
    const port = new URL(server.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: PRICE, headers: { host: `LOCALHOST:${port}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(await fastReads(server)).toBe(before);
  });
});

/**
 * On the node server the middleware's headers are preset on Node's response (proxy/middleware/
 * preset.ts) rather than built into each Response; a route's own header must still win, and
 * pages must still get the page CSP.
 */
describe('preset headers on the node server', () => {
  it('reach every kind of answer once, with the route or page CSP in place of the default', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cm-fast-reads-static-'));
    dirs.push(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><script>window.boot = 1;</script></head><body>app</body></html>');
    const server = await proxy({ CM_CORS_ORIGINS: 'https://ops.example' }, root);
    const at = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
    const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

    const health = await at('/health');
    expect([health.status, health.headers.get('content-security-policy'), health.headers.get('x-content-type-options'), health.headers.get('referrer-policy')]).toEqual([
      200,
      DATA_CSP,
      'nosniff',
      'no-referrer',
    ]);
    expect(health.headers.get('cache-control')).toBe('no-store');

    // The docs page sets its own CSP: it replaces the default rather than joining it.
    const docs = await at('/docs');
    const docsCsp = docs.headers.get('content-security-policy') ?? '';
    expect(docs.status).toBe(200);
    expect(docsCsp).not.toContain(DATA_CSP);
    expect(docsCsp).toContain("style-src 'unsafe-inline'");

    const page = await at('/');
    const pageCsp = page.headers.get('content-security-policy') ?? '';
    expect(page.status).toBe(200);
    expect(pageCsp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(pageCsp).not.toContain(DATA_CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const listed = await at('/api/status', { headers: { origin: 'https://ops.example' } });
    expect([listed.status, listed.headers.get('access-control-allow-origin'), listed.headers.get('vary')]).toEqual([200, 'https://ops.example', 'Origin']);
    expect(listed.headers.get('ratelimit-limit')).toBe('1000');
    await listed.text();
    await Promise.all([health.text(), docs.text(), page.text()]);
  });
});
