import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayRoutes } from '../../proxy/routes/relay';
import { allProviders } from '../../shared/catalog/registry';
import { EngineHome } from '../../worker/engine-home';
import { openMonitorDb, type MonitorDb } from '../../worker/idb/db';
import { DirectMonitor } from '../../worker/monitor';
import { directTransport } from '../../worker/transport/direct';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * Direct mode end to end: the worker's engine (IndexedDB in memory) calls CORS providers on the
 * simulator directly and the others through the proxy's real relay, which relays to the simulator.
 */

let sim: Simulator;
let relay: ServerType;
let relayUrl: string;
let db: MonitorDb;
let home: EngineHome;
let monitor: DirectMonitor;

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders(), record: true });
  const app = new Hono().route('/', relayRoutes({ env: { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) }, allowPrivateForTests: true }));
  relayUrl = await new Promise<string>((resolve) => {
    relay = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
  db = await openMonitorDb({ name: `direct-mode-${Math.random().toString(36).slice(2)}` });
  const relayBase = () => relayUrl;
  home = await EngineHome.start({ db, config: { baseUrls: sim.baseUrls }, relayBase, network: directTransport() });
  monitor = new DirectMonitor({ home, db, version: 'test', relayBase });
});

afterAll(async () => {
  await home.close();
  db.close();
  await new Promise<void>((resolve) => relay.close(() => resolve()));
  await sim.close();
});

describe('direct mode through the relay', () => {
  it('reaches a provider without CORS through the relay, and one with CORS directly', async () => {
    sim.resetCounts();
    const pool = await monitor.savePool({ id: 'kraken-only', name: 'Kraken only', members: [{ provider: 'kraken' }] });
    expect(pool.ok).toBe(true);
    const kraken = await monitor.data('price', { symbols: ['BTC'], vs: 'USDT' }, { pool: 'kraken-only', fresh: true });
    expect(kraken.ok && kraken.value).toMatchObject({ source: 'kraken', stale: false });
    const binance = await monitor.healthCheck('binance', 'price');
    expect(binance.ok && binance.value).toMatchObject({ provider: 'binance', ok: true });
    expect(sim.requests('kraken')).toBe(1);
    expect(sim.requests('binance')).toBe(1);
    // The relay fetched kraken's answer (the simulator saw its user agent); binance was called directly.
    const seen = sim.recorded().slice(-2);
    expect(seen[0]).toMatchObject({ url: '/kraken/Ticker?pair=XBTUSDT', headers: { 'user-agent': 'crypto-monitor-relay/1' } });
    expect(seen[1]?.headers['user-agent']).not.toBe('crypto-monitor-relay/1');
  });

  it('diagnoses the relay as up', async () => {
    const r = await monitor.runDiagnostics();
    expect(r.ok && r.value.checks.find((c) => c.name === 'relay')).toMatchObject({ ok: true });
  });
});
