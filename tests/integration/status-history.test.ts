import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolStatusHistory, ProviderStatusHistory, StatusIndex } from '../../shared/api/status-history';
import { parseBaseUrlOverrides, withBaseUrls } from '../../shared/catalog/config';
import { seedPools } from '../../shared/catalog/pools';
import { allProviders } from '../../shared/catalog/registry';
import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, fetchTransport, noSecrets, systemClock, systemRandom, type EngineEvents } from '../../shared/engine';
import { createApp } from '../../proxy/app';
import { startStatusHistory, type ProxyStatusHistory } from '../../proxy/status-history';
import { openDatabase, SqliteStore, type StoreDb } from '../../proxy/store';
import { SqliteIncidents } from '../../proxy/store/incidents';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * The status history end to end: the proxy's engine over the loopback simulator, a 5xx fault on
 * one provider until its breaker opens, the fault cleared and the breaker closed again; then the
 * /api/status routes, and the same after a restart on the same SQLite file.
 */

const PROVIDER = 'coingecko';
const COOLDOWN_MS = 300;

let sim: Simulator;
let dataDir: string;

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
  dataDir = mkdtempSync(join(tmpdir(), 'cm-status-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  engine: Engine;
  db: StoreDb;
  history: ProxyStatusHistory;
  app: ReturnType<typeof createApp>;
}

/** The proxy's engine as proxy/engine.ts builds it, with a short breaker cool-down so a test can wait it out. */
async function start(): Promise<Running> {
  const db = openDatabase({ dataDir });
  const store = new SqliteStore(db);
  const providers = withBaseUrls(allProviders(), parseBaseUrlOverrides(JSON.stringify({ '*': `${sim.url}/{id}` })));
  const symbols = new SymbolMap([]);
  const engine = await Engine.create({
    providers,
    pools: [...seedPools(providers), { id: 'solo', name: 'Only CoinGecko', capabilities: ['price'], members: [{ provider: PROVIDER }] }],
    ports: { clock: systemClock, random: systemRandom, transport: fetchTransport, store, secrets: noSecrets },
    breaker: { consecutiveFailures: 3, cooldownMs: COOLDOWN_MS, jitter: 0, successesToClose: 1 },
    symbolId: (provider, symbol) => symbols.resolve(provider, symbol),
  });
  const history = await startStatusHistory({ engine, db, store, saveMs: 60_000 });
  const app = createApp({ startedAt: Date.now(), version: '0', engine, staticRoot: '/nonexistent', rateLimit: { perMinute: 1_000_000 } });
  return { engine, db, history, app };
}

async function stop(r: Running): Promise<void> {
  await r.history.close();
  await r.engine.close();
  r.db.close();
}

async function getJson(app: Running['app'], path: string): Promise<{ status: number; body: unknown }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

/** Whether a fresh answer came from upstream (with the fault on, the engine serves the last answer, flagged stale). */
const price = async (engine: Engine) => {
  const a = await engine.get('price', { symbols: ['BTC'] }, { pool: 'solo', fresh: true });
  return { ok: a.ok && !a.stale };
};

describe('status history over the simulator', () => {
  it('shows one incident with its duration and the uptime dip, and keeps both across a restart', async () => {
    const first = await start();
    const transitions: Array<EngineEvents['breaker']> = [];
    first.engine.events.on('breaker', (e) => {
      if (e.provider === PROVIDER) transitions.push(e);
    });
    expect((await price(first.engine)).ok).toBe(true);

    sim.setFault(PROVIDER, { kind: 'server_error' });
    for (let i = 0; i < 3; i++) expect((await price(first.engine)).ok).toBe(false);
    expect(first.engine.runtime(PROVIDER)?.breaker.state).toBe('open');

    const during = ProviderStatusHistory.parse((await getJson(first.app, `/api/status/providers/${PROVIDER}`)).body);
    expect(during.state).toBe('open');
    expect(during.incidents.filter((i) => i.capability === null)).toMatchObject([{ ongoing: true, endedAt: null, cause: 'http_5xx' }]);

    sim.clearFaults(PROVIDER);
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 50));
    expect((await price(first.engine)).ok).toBe(true);
    expect(first.engine.runtime(PROVIDER)?.breaker.state).toBe('closed');

    const opened = transitions.find((t) => t.to === 'open');
    const closed = transitions.find((t) => t.to === 'closed');
    expect(opened && closed).toBeTruthy();
    const res = await getJson(first.app, `/api/status/providers/${PROVIDER}`);
    expect(res.status).toBe(200);
    const after = ProviderStatusHistory.parse(res.body);
    const wide = after.incidents.filter((i) => i.capability === null);
    expect(wide).toHaveLength(1);
    expect(wide[0]).toMatchObject({ provider: PROVIDER, ongoing: false, startedAt: opened!.at, endedAt: closed!.at, durationMs: closed!.at - opened!.at });
    expect(wide[0]!.durationMs).toBeGreaterThanOrEqual(COOLDOWN_MS);
    const day = after.uptime.find((w) => w.window === '24h')!;
    expect(day).toMatchObject({ ok: 2, total: 5 });
    expect(day.uptime).toBeCloseTo(0.4);
    expect(after.latency.points.reduce((n, p) => n + p.count, 0)).toBe(2);

    const index = StatusIndex.parse((await getJson(first.app, '/api/status/index')).body);
    expect(index.providers.find((p) => p.id === PROVIDER)).toMatchObject({ requests24h: 5, ongoingIncidents: 0, state: 'closed' });
    const page = await first.app.request('/status.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<small>coingecko</small>');
    expect(html).toContain('http_5xx');
    const pool = PoolStatusHistory.parse((await getJson(first.app, '/api/status/pools/solo')).body);
    // One member: its incident is also a period with no healthy member.
    expect(pool.incidents.filter((i) => i.cause === 'no healthy member').length).toBeGreaterThanOrEqual(1);
    expect(pool.members).toMatchObject([{ provider: PROVIDER, state: 'closed' }]);
    expect(pool.uptime[0]).toMatchObject({ ok: 2, total: 5 });
    await stop(first);

    // A restart on the same database: the incident and the uptime are still there.
    const second = await start();
    const again = ProviderStatusHistory.parse((await getJson(second.app, `/api/status/providers/${PROVIDER}`)).body);
    expect(again.incidents.filter((i) => i.capability === null)).toEqual(wide);
    expect(again.uptime.find((w) => w.window === '24h')).toMatchObject({ ok: 2, total: 5 });
    expect(again.latency.points.reduce((n, p) => n + p.count, 0)).toBe(2);
    await stop(second);
  });

  it('ends at start an incident left open whose breaker came back closed (it ended while the proxy was down)', async () => {
    const db = openDatabase({ dataDir });
    new SqliteIncidents(db).upsert({ id: 'kraken|*|1000', provider: 'kraken', capability: null, startedAt: 1_000, endedAt: null, cause: 'timeout', reason: '5 consecutive failures', reopened: 0 });
    db.close();
    const before = Date.now();
    const r = await start();
    try {
      const view = ProviderStatusHistory.parse((await getJson(r.app, '/api/status/providers/kraken')).body);
      const [incident] = view.incidents;
      expect(incident).toMatchObject({ id: 'kraken|*|1000', ongoing: false });
      expect(incident!.endedAt).toBeGreaterThanOrEqual(before);
      expect(new SqliteIncidents(r.db).ongoing()).toEqual([]);
    } finally {
      await stop(r);
    }
  });

  it('answers 404 for an unknown provider or pool and 400 for a malformed id', async () => {
    const r = await start();
    try {
      expect(await getJson(r.app, '/api/status/providers/no-such-provider')).toMatchObject({ status: 404, body: { error: "no provider 'no-such-provider'" } });
      expect((await getJson(r.app, '/api/status/pools/no-such-pool')).status).toBe(404);
      expect((await getJson(r.app, '/api/status/providers/Bad_Id')).status).toBe(400);
    } finally {
      await stop(r);
    }
  });
});
