import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryStatus, type CandidateView } from '../../shared/api/discovery';
import { allProviders } from '../../shared/catalog/registry';
import { buildHttpRequest } from '../../shared/engine/request';
import type { Engine } from '../../shared/engine';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { chainRegistrySource, curatedSource, DEFAULT_THRESHOLDS, Discovery, probeFetch } from '../../proxy/discovery';
import { openDatabase, type StoreDb } from '../../proxy/store';
import { UserResources } from '../../proxy/user-providers';
import { startSimulator, type Simulator } from '../sim/server';
import { freePort, startCandidateServer, type CandidateServer } from '../sim/candidates';

/**
 * Discovery end to end, in-process: the catalog's nodes answer from the loopback simulator (their
 * recorded heights are the reference), candidates come from a test-built chain registry and a
 * test-built curated list on a second loopback server (tests/sim/candidates.ts), probes go through
 * the relay's guard with the loopback override on.
 */

const TOKEN = 'discovery-test-admin-token';
const auth = { Authorization: `Bearer ${TOKEN}` };
const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

let sim: Simulator;
let cands: CandidateServer;
let engine: Engine;
let db: StoreDb;
let dataDir: string;
let discovery: Discovery;
let app: ReturnType<typeof createApp>;
let reference = 0;

/** The highest eth_blockNumber among the catalog's Ethereum nodes, as the simulator answers it. */
async function catalogHeight(): Promise<number> {
  let best = 0;
  for (const rt of engine.runtimes()) {
    const adapter = rt.spec.capabilities['block-height'];
    if (rt.spec.category !== 'rpc' || !adapter) continue;
    const spec = adapter.request({ chain: 'ethereum' }, { now: Date.now(), symbolId: () => undefined });
    if (typeof spec === 'string') continue;
    const req = buildHttpRequest(rt.spec, spec, undefined);
    if (!req.body?.includes('eth_blockNumber')) continue;
    const res = await fetch(req.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: req.body });
    const body = (await res.json()) as { result?: string };
    if (res.ok && body.result) best = Math.max(best, Number(BigInt(body.result)));
  }
  return best;
}

const byUrl = (status: DiscoveryStatus, url: string): CandidateView => {
  const found = status.candidates.find((c) => c.url === url);
  if (!found) throw new Error(`no candidate for ${url}: ${status.candidates.map((c) => c.url).join(', ')}`);
  return found;
};

async function status(): Promise<DiscoveryStatus> {
  const res = await app.request('/api/resources/discovery/status');
  expect(res.status).toBe(200);
  return DiscoveryStatus.parse(await res.json());
}

async function waitForRun(): Promise<DiscoveryStatus> {
  for (let i = 0; i < 200; i++) {
    const s = await status();
    if (!s.running) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the run did not finish');
}

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
  const baseUrls = JSON.stringify(sim.baseUrls);
  engine = await createProxyEngine({ env: { CM_BASE_URLS: baseUrls } });
  reference = await catalogHeight();
  cands = await startCandidateServer({ height: reference, lag: 500, slowMs: 700, refusedPort: await freePort() });
  dataDir = mkdtempSync(join(tmpdir(), 'cm-discovery-'));
  db = openDatabase({ dataDir });
  discovery = new Discovery(engine, db, {
    intervalHours: 0,
    sources: [
      chainRegistrySource({ url: cands.registryUrl }),
      // Test-built curated entries on loopback (the real curated list names internet hosts).
      curatedSource([
        { kind: 'http', name: 'Good JSON (test-built)', url: `${cands.url}/api/good`, category: 'market', source: 'curated', fields: ['price'], expect: '{price}' },
        { kind: 'http', name: 'HTML page (test-built)', url: `${cands.url}/api/html`, category: 'market', source: 'curated', fields: ['price'], expect: '{price}' },
      ]),
    ],
    fetch: probeFetch({ allowPrivateForTests: ['127.0.0.1'], timeoutMs: 3_000 }),
    allowLoopbackHttp: true,
    thresholds: { ...DEFAULT_THRESHOLDS, maxP50Ms: 400 },
  });
  const built = mkdtempSync(join(tmpdir(), 'cm-discovery-static-'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  app = createApp({ startedAt: Date.now(), version: '0.0.0', engine, db, discovery, adminToken: TOKEN, staticRoot: built, rateLimit: { perMinute: 100_000 }, relay: { env: { CM_BASE_URLS: baseUrls }, allowPrivateForTests: ['127.0.0.1'] } });
}, 30_000);

afterAll(async () => {
  discovery?.close();
  await discovery?.settled();
  db?.close();
  await engine?.close();
  await cands?.close();
  await sim?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('discovery over the loopback simulator', () => {
  it('has a reference height from the catalog nodes', () => {
    expect(reference).toBeGreaterThan(1_000_000);
  });

  it('answers 401 to a run without the admin token and 503-free status before any run', async () => {
    expect((await app.request('/api/resources/discovery/run', { method: 'POST' })).status).toBe(401);
    const s = await status();
    expect(s.running).toBe(false);
    expect(s.lastRun).toBeNull();
    expect(s.candidates).toEqual([]);
  });

  it('accepts the good candidates and rejects dead, slow, wrong-chain and lagging ones with reasons', async () => {
    const first = await app.request('/api/resources/discovery/run', { method: 'POST', headers: auth });
    expect(first.status).toBe(202);
    // One run at a time.
    const second = await app.request('/api/resources/discovery/run', { method: 'POST', headers: auth });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(/in progress/);
    const running = await status();
    expect(running.running).toBe(true);
    expect(running.progress).not.toBeNull();

    const s = await waitForRun();
    expect(s.lastRun?.sourceErrors).toEqual([]);
    expect(s.lastRun?.finishedAt).not.toBeNull();
    expect(s.lastRun?.total).toBe(9);
    expect(s.lastRun?.probed).toBe(9);
    // The key placeholder, the wss URL and the unknown chain were never candidates.
    expect(s.candidates.map((c) => c.url).some((u) => u.includes('INFURA') || u.startsWith('wss:') || u.includes('?other'))).toBe(false);

    const good = byUrl(s, cands.rpc('good'));
    expect(good.verdict).toBe('accepted-candidate');
    expect(good.probe.chainId).toBe('0x1');
    expect(good.probe.lagBlocks).toBe(0);
    expect(good.cors).toBe(true);
    expect(good.score).toBeGreaterThan(50);

    const nocors = byUrl(s, cands.rpc('good-nocors'));
    expect(nocors.verdict).toBe('accepted-candidate');
    expect(nocors.cors).toBe(false);
    expect(nocors.score).toBeLessThan(good.score);
    expect(nocors.reasons.join(' ')).toMatch(/no CORS header/);

    const expectRejected = (url: string, reason: RegExp) => {
      const c = byUrl(s, url);
      expect(c.verdict, url).toBe('rejected');
      expect(c.score).toBe(0);
      expect(c.reasons.join(' | '), url).toMatch(reason);
    };
    expectRejected(cands.rpc('wrong-chain'), /^chain id 0x38, expected 0x1$/);
    expectRejected(cands.rpc('lagging'), /^500 blocks behind \(at most 5 on ethereum\)$/);
    expectRejected(cands.rpc('slow'), /^p50 \d{3},?\d* ms > 400 ms$/);
    expectRejected(cands.rpc('dead'), /^HTTP 503$/);
    expectRejected(cands.refusedUrl, /^connection refused$/);
    expectRejected(`${cands.url}/api/html`, /answers HTML, not JSON/);
    expect(byUrl(s, `${cands.url}/api/good`).verdict).toBe('accepted-candidate');
    expect(s.counts).toMatchObject({ total: 9, candidates: 3, rejected: 6, accepted: 0, dismissed: 0 });

    const report = await app.request('/api/reports/discovery');
    expect(report.status).toBe(200);
    const runs = (await report.json()) as { runs: { accepted: number; rejected: number; trigger: string }[] };
    expect(runs.runs[0]).toMatchObject({ accepted: 3, rejected: 6, trigger: 'manual' });
  });

  it('accepts a good JSON-RPC candidate into a pool as a live provider that answers block-height', async () => {
    const s = await status();
    const good = byUrl(s, cands.rpc('good'));
    const pool = { id: 'found-nodes', name: 'Found nodes', capabilities: ['block-height'], strategy: 'priority', members: [{ provider: 'ethereum-publicnode' }] };
    expect((await app.request('/api/pools', { method: 'POST', headers: jsonHeaders, body: JSON.stringify(pool) })).status).toBe(201);

    const res = await app.request(`/api/resources/discovery/candidates/${good.id}/accept`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ pool: 'found-nodes' }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { provider: string; pool: string; candidate: CandidateView };
    expect(body.pool).toBe('found-nodes');
    expect(body.candidate.decision).toBe('accepted');
    const rt = engine.runtime(body.provider);
    expect(rt?.spec.baseUrl).toBe(cands.rpc('good'));
    expect(engine.pools().find((p) => p.id === 'found-nodes')?.members.map((m) => m.provider)).toEqual(['ethereum-publicnode', body.provider]);

    const before = cands.hits('/rpc/good');
    const check = await app.request(`/api/providers/${body.provider}/health-check?capability=block-height`);
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ provider: body.provider, ok: true });
    expect(cands.hits('/rpc/good')).toBeGreaterThan(before);
    const answer = await engine.get('block-height', { chain: 'ethereum' }, { pool: 'found-nodes', strategy: 'priority' });
    expect(answer.ok).toBe(true);

    // Listed as a live user provider; accepting twice is a conflict.
    const resources = (await (await app.request('/api/resources')).json()) as { user: { id: string; live: boolean }[] };
    expect(resources.user).toContainEqual(expect.objectContaining({ id: body.provider, live: true }));
    expect((await app.request(`/api/resources/discovery/candidates/${good.id}/accept`, { method: 'POST', headers: jsonHeaders, body: '{}' })).status).toBe(409);
    expect((await status()).counts.accepted).toBe(1);
  });

  it('answers bad decisions with a clear 4xx and changes nothing', async () => {
    const s = await status();
    const accept = (id: string, body = '{}', headers: Record<string, string> = jsonHeaders) => app.request(`/api/resources/discovery/candidates/${id}/accept`, { method: 'POST', headers, body });
    const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

    const noToken = await accept(byUrl(s, cands.rpc('good-nocors')).id, '{}', { 'Content-Type': 'application/json' });
    expect(noToken.status).toBe(401);
    const unknown = await accept('no-such-candidate');
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatch(/no discovery candidate/);
    const rejected = await accept(byUrl(s, cands.rpc('wrong-chain')).id);
    expect(rejected.status).toBe(409);
    expect(await errorOf(rejected)).toMatch(/rejected by its probes \(chain id 0x38/);
    const http = await accept(byUrl(s, `${cands.url}/api/good`).id);
    expect(http.status).toBe(409);
    expect(await errorOf(http)).toMatch(/only JSON-RPC nodes/);
    expect((await accept('Bad Id!')).status).toBe(400);
    expect((await accept(byUrl(s, cands.rpc('good-nocors')).id, '{"pool":"nowhere"}')).status).toBe(404);
    expect((await accept(byUrl(s, cands.rpc('good-nocors')).id, '{"pool":"default-block-height"}')).status).toBe(409);
    expect((await accept(byUrl(s, cands.rpc('good-nocors')).id, '{"extra":1}')).status).toBe(400);
    expect((await accept(byUrl(s, cands.rpc('good-nocors')).id, 'not json')).status).toBe(400);
    expect((await app.request('/api/reports/discovery?limit=0')).status).toBe(400);
    expect((await app.request('/api/resources/discovery/candidates/nope/dismiss', { method: 'POST', headers: auth })).status).toBe(404);

    const after = await status();
    expect(after.candidates).toEqual(s.candidates);
  });

  it('dismisses a candidate so later runs leave it alone', async () => {
    const dead = byUrl(await status(), cands.rpc('dead'));
    const res = await app.request(`/api/resources/discovery/candidates/${dead.id}/dismiss`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    const hits = cands.hits('/rpc/dead');
    expect((await app.request('/api/resources/discovery/run', { method: 'POST', headers: auth })).status).toBe(202);
    const s = await waitForRun();
    expect(cands.hits('/rpc/dead')).toBe(hits);
    expect(byUrl(s, cands.rpc('dead')).decision).toBe('dismissed');
    // Not probed again: the dismissed and the accepted node; and the two curated APIs now sit on a
    // host the engine has (the accepted node's loopback host), so they are no longer new.
    expect(s.lastRun?.total).toBe(5);
    expect(s.counts).toMatchObject({ accepted: 1, dismissed: 1 });
  });

  it('keeps what the probe saw of CORS with the accepted provider, across a restart', async () => {
    const nocors = byUrl(await status(), cands.rpc('good-nocors'));
    expect(nocors.cors).toBe(false);
    const res = await app.request(`/api/resources/discovery/candidates/${nocors.id}/accept`, { method: 'POST', headers: jsonHeaders, body: '{}' });
    expect(res.status).toBe(201);
    const { provider } = (await res.json()) as { provider: string };
    // The JSON-RPC family assumes CORS; the probe saw none, and that is what is stored and applied.
    expect(engine.runtime(provider)?.spec.cors).toBe(false);
    const listed = (await (await app.request('/api/resources')).json()) as { user: { id: string; cors?: boolean }[] };
    expect(listed.user.find((u) => u.id === provider)?.cors).toBe(false);
    // A restart reads the stored row again (here: another UserResources on the same database).
    const restarted = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify(sim.baseUrls) } });
    try {
      new UserResources({ engine: restarted, db, allowLoopback: true }).start();
      expect(restarted.runtime(provider)?.spec.baseUrl).toBe(cands.rpc('good-nocors'));
      expect(restarted.runtime(provider)?.spec.cors).toBe(false);
      // The one accepted with CORS keeps the family's default.
      const good = byUrl(await status(), cands.rpc('good'));
      expect(good.providerId && restarted.runtime(good.providerId)?.spec.cors).toBe(true);
    } finally {
      await restarted.close();
    }
  });
});
