/**
 * `upstream.per_min.1_client` and `upstream.per_min.1000_clients`: requests the proxy makes to
 * upstream (the loopback simulator, every catalog provider) in one minute while WebSocket clients
 * are subscribed to `prices` and `market`; with 1,000 clients it must be what it is with one
 * (the second line has the first as its baseline, so its ratio is 1).
 *
 * The proxy is assembled as startServer assembles it (the catalog engine from createProxyEngine
 * on SQLite in a temp folder, a node server from serve(), attachWebSocket with the default feeds:
 * prices every 15 s, market every 60 s), except that the hub and the feeds run on a FakeClock, so
 * one minute of feed time passes in a second or two of real time. The minute is [0, 60 s) from
 * the first subscription: the rounds at 0, 15, 30 and 45 s for prices and the one at 0 s for
 * market. Each run gets a fresh engine and database, so no quota, breaker or cache state carries
 * over from one to the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocket } from 'ws';
import { createProxyEngine } from '../../proxy/engine';
import { openDatabase, SqliteStore } from '../../proxy/store';
import { attachWebSocket, Hub, type FeedEngine } from '../../proxy/ws';
import { allProviders } from '../../shared/catalog/registry';
import { FakeClock } from '../../shared/engine/ports';
import { startSimulator, type Simulator } from '../sim/server';
import { line, type BenchLine } from './harness';

const GROUPS = ['prices', 'market'] as const;
const MINUTE_MS = 60_000;
const STEP_MS = 1_000;
const CONNECT_CONCURRENCY = 100;

/** Opens one client, subscribes it to GROUPS, and resolves once both are confirmed. */
function subscriber(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let confirmed = 0;
    const timer = setTimeout(() => reject(new Error('upstream bench: a client was not subscribed within 20 s')), 20_000);
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('{"type":"subscribed"') && ++confirmed === GROUPS.length) {
        clearTimeout(timer);
        resolve(ws);
      }
    });
    ws.once('open', () => {
      for (const group of GROUPS) ws.send(JSON.stringify({ type: 'subscribe', group }));
    });
    ws.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Upstream requests in one minute of feed time with `clients` subscribers. */
async function perMinute(sim: Simulator, clients: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cm-bench-upstream-'));
  const db = openDatabase({ dataDir });
  const engine = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify(sim.baseUrls) }, store: new SqliteStore(db) });
  // The feeds' calls, tracked so each step of fake time waits for the rounds it started.
  const pending = new Set<Promise<unknown>>();
  const tracked: FeedEngine = {
    events: engine.events,
    get: ((...args: Parameters<FeedEngine['get']>) => {
      const p = engine.get(...args);
      pending.add(p);
      void p.finally(() => pending.delete(p));
      return p;
    }) as FeedEngine['get'],
  };
  const settle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  const clock = new FakeClock(Date.now());
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: new Hono().get('/health', (c) => c.text('ok')).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  // Peers never look idle in fake time: the clients answer pings in real time.
  const ws = attachWebSocket(server, { engine: tracked, clock, hub: new Hub({ clock, idleTimeoutMs: 24 * 3_600_000 }), closeGraceMs: 500 });
  const sockets: WebSocket[] = [];
  try {
    sim.resetCounts();
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
    let opened = 0;
    const worker = async () => {
      while (opened < clients) {
        opened++;
        sockets.push(await subscriber(url));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, clients) }, worker));
    // The first subscription started both feeds at fake time 0; the rest only joined them.
    for (let t = 0; t < MINUTE_MS - STEP_MS; t += STEP_MS) {
      await settle();
      await clock.advance(STEP_MS);
    }
    await settle();
    if (ws.hub.stats().sessions !== clients) throw new Error(`upstream bench: ${ws.hub.stats().sessions} of ${clients} sessions left`);
    return sim.requests();
  } finally {
    for (const s of sockets) s.terminate();
    await ws.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await engine.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchUpstream(): Promise<BenchLine[]> {
  const sim = await startSimulator({ providers: allProviders() });
  try {
    const one = await perMinute(sim, 1);
    const many = await perMinute(sim, 1_000);
    return [line('upstream.per_min.1_client', one, 'req/min'), line('upstream.per_min.1000_clients', many, 'req/min', one)];
  } finally {
    await sim.close();
  }
}
