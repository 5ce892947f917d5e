import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { MemoryStore, type Engine } from '../../shared/engine';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { openDatabase, type StoreDb } from '../../proxy/store';
import { UserResources } from '../../proxy/user-providers';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * User providers go live from their template, and what users change at run time (user
 * providers, pools, deleted seed pools, rotations) survives a restart of the proxy: each
 * "restart" here builds a new engine and app over the same database file.
 */

const TOKEN = 'user-resources-admin-token';
const jsonHeaders = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

let sim: Simulator;
let dataDir: string;
const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'cm-user-resources-'));
  dirs.push(dir);
  return dir;
};
const open: { engine: Engine; db: StoreDb }[] = [];

const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'My Ethereum node',
  category: 'rpc',
  baseUrl: 'https://eth.node.example',
  docs: 'https://eth.node.example/docs',
  capabilities: ['block-height', 'balance'],
  template: { family: 'jsonrpc', chain: 'ethereum' },
  ...extra,
});

/** A proxy over the database in `dataDir`; `my-node` is re-pointed at the simulator's Ethereum node. */
async function proxy() {
  const env = { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) };
  const engine = await createProxyEngine({ env, store: new MemoryStore() });
  const db = openDatabase({ dataDir });
  open.push({ engine, db });
  const relayEnv = { CM_BASE_URLS: JSON.stringify({ 'my-node': `${sim.url}/ethereum-publicnode` }) };
  const app = createApp({ startedAt: 0, version: '0', engine, db, adminToken: TOKEN, rateLimit: { perMinute: 100_000 }, relay: { env: relayEnv } });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: jsonHeaders, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { engine, db, call };
}

async function shutdown(): Promise<void> {
  for (const { engine, db } of open.splice(0)) {
    await engine.close();
    db.close();
  }
}

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
  dataDir = freshDir();
});

afterAll(async () => {
  await shutdown();
  await sim.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('user providers and pools', () => {
  it('puts a JSON-RPC user provider live, answers through it, and keeps everything across a restart', async () => {
    const first = await proxy();
    const added = await first.call('POST', '/api/resources/provider', node('my-node'));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'my-node', live: true, template: { family: 'jsonrpc', chain: 'ethereum' } });
    // A template-less provider is kept, but nothing can call it.
    const bare = await first.call('POST', '/api/resources/provider', { ...node('my-notes'), template: undefined, category: 'market', capabilities: ['price'] });
    expect(bare.body).toMatchObject({ id: 'my-notes', live: false });

    const pool = { id: 'my-rpc', name: 'My RPC', strategy: 'priority', capabilities: ['block-height'], members: [{ provider: 'my-node', priority: 1 }, { provider: 'ethereum-publicnode', priority: 2 }] };
    expect((await first.call('POST', '/api/pools', pool)).status).toBe(201);
    const height = await first.call('GET', '/api/data/block-height?chain=ethereum&pool=my-rpc');
    expect(height.status).toBe(200);
    expect(height.body).toMatchObject({ source: 'my-node' });
    expect((height.body.data as { height: number }).height).toBeGreaterThan(0);
    // The pool rotates away from its answering member; the rotation is recorded.
    expect((await first.call('POST', '/api/pools/my-rpc/rotate', {})).body).toMatchObject({ pool: 'my-rpc', from: 'my-node' });
    // A seed pool deleted stays deleted.
    const seed = first.engine.pools().find((p) => !p.id.startsWith('default-'));
    expect(seed).toBeDefined();
    expect((await first.call('DELETE', `/api/pools/${seed?.id}`)).status).toBe(200);
    // Listed among user providers, not the catalog.
    const listed = await first.call('GET', '/api/resources/category/rpc');
    expect((listed.body.user as { id: string }[]).map((p) => p.id)).toEqual(['my-node']);
    expect((listed.body.catalog as { id: string }[]).some((p) => p.id === 'my-node')).toBe(false);
    await shutdown();

    const second = await proxy();
    expect(second.engine.runtime('my-node')).toBeDefined();
    const again = await second.call('GET', '/api/pools/my-rpc');
    expect(again.status).toBe(200);
    expect((again.body.members as { provider: string }[]).map((m) => m.provider)).toEqual(['my-node', 'ethereum-publicnode']);
    expect((await second.call('GET', `/api/pools/${seed?.id}`)).status).toBe(404);
    const history = await second.call('GET', '/api/pools/history');
    expect((history.body.rotations as { pool: string }[]).some((r) => r.pool === 'my-rpc')).toBe(true);
    expect((await second.call('GET', '/api/data/block-height?chain=ethereum&pool=my-rpc&fresh=true')).status).toBe(200);

    // Deleting the provider takes it out of the engine; the stored pool keeps naming it.
    expect((await second.call('DELETE', '/api/resources/provider/my-node')).status).toBe(200);
    expect(second.engine.runtime('my-node')).toBeUndefined();
    await shutdown();
  });

  it('refuses templates that do not fit the provider, with the reason', async () => {
    dataDir = freshDir();
    const { call } = await proxy();
    const wrongCategory = await call('POST', '/api/resources/provider', node('bad-one', { category: 'news' }));
    expect(wrongCategory.status).toBe(400);
    expect(String(wrongCategory.body.error)).toMatch(/jsonrpc provider has category 'rpc'/);
    const wrongCapability = await call('POST', '/api/resources/provider', node('bad-two', { capabilities: ['price'] }));
    expect(wrongCapability.status).toBe(400);
    expect(String(wrongCapability.body.error)).toMatch(/offers block-height, gas, balance; not price/);
    const tron = await call('POST', '/api/resources/provider', node('bad-three', { template: { family: 'jsonrpc', chain: 'tron' } }));
    expect(tron.status).toBe(400);
    const rssWithPath = await call('POST', '/api/resources/provider', { ...node('bad-four'), category: 'news', capabilities: ['news'], baseUrl: 'https://news.example/blog', template: { family: 'rss', path: '/feed' } });
    expect(String(rssWithPath.body.error)).toMatch(/baseUrl is the site origin/);
    expect((await call('GET', '/api/resources')).body.user).toEqual([]);
    await shutdown();
  });

  it('accepts a loopback http node only where the test override allows it (accepted discovery candidates)', async () => {
    dataDir = freshDir();
    const url = `${sim.url}/ethereum-publicnode`;
    const strict = await proxy();
    expect((await strict.call('POST', '/api/resources/provider', node('loop-node', { baseUrl: url }))).status).toBe(400);
    expect(new UserResources({ engine: strict.engine, db: strict.db }).addProvider(node('loop-node', { baseUrl: url }))).toMatchObject({ ok: false, status: 400 });
    await shutdown();
    const loose = await proxy();
    const added = new UserResources({ engine: loose.engine, db: loose.db, allowLoopback: true }).start().addProvider(node('loop-node', { baseUrl: url }));
    expect(added).toMatchObject({ ok: true, provider: { live: true, baseUrl: url } });
    const pool = { id: 'loop-pool', name: 'Loop', strategy: 'priority', capabilities: ['block-height'], members: [{ provider: 'loop-node' }] };
    expect((await loose.call('POST', '/api/pools', pool)).status).toBe(201);
    expect((await loose.call('GET', '/api/data/block-height?chain=ethereum&pool=loop-pool')).body).toMatchObject({ source: 'loop-node' });
    await shutdown();
  });
});
