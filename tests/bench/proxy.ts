/**
 * `proxy.cached_get.rps`: requests per second of the real proxy (startServer, SQLite in a temp
 * folder, every provider pointed at the loopback simulator) answering a cached
 * `GET /api/data/price?symbols=BTC`, under autocannon in a child process (so the generator does
 * not share the proxy's event loop). Baseline: a bare Hono hello-world on @hono/node-server under
 * the same generator settings, in the same process as the proxy, in the same run.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { allProviders } from '../../shared/catalog/registry';
import { startProxyOnSim } from '../sim/proxy';
import { startSimulator } from '../sim/server';
import { line, type BenchLine } from './harness';

/** The generator's settings, the same for the proxy and the baseline. */
const CONNECTIONS = 50;
const PIPELINING = 1;
/**
 * Seconds of load per target, in short runs alternating A B B A A B B A …: this machine's speed
 * drifts over seconds (two runs of the same server 10 s apart differ by up to 40 %), and short
 * alternating runs put that drift on both targets alike.
 */
const SECONDS = 12;
const RUN_SECONDS = 1.5;
const WARMUP_SECONDS = 2;

const PATH = '/api/data/price?symbols=BTC';

interface Load {
  requests: number;
  seconds: number;
}

/** One autocannon run in a child process; throws unless every response was a 2xx. */
function autocannon(url: string, seconds: number): Promise<Load> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [cli, '-c', String(CONNECTIONS), '-p', String(PIPELINING), '-d', String(seconds), '-j', url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(kill);
      try {
        if (code !== 0) throw new Error(`autocannon exited ${code}: ${err.slice(-500)}`);
        const r = JSON.parse(out) as { requests: { total: number }; duration: number; non2xx: number; errors: number; timeouts: number };
        if (r.non2xx || r.errors || r.timeouts) throw new Error(`autocannon on ${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
        resolve({ requests: r.requests.total, seconds: r.duration });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

export async function benchProxy(): Promise<BenchLine[]> {
  const sim = await startSimulator({ providers: allProviders() });
  // The per-IP limit is out of reach there (one loopback client sends all the load); the limiter
  // still takes a token on every request. The admin token is set, so startServer prints none on
  // stdout (the bench's JSON lines).
  const proxy = await startProxyOnSim(sim);
  const hello = await listen(new Hono().get('/', (c) => c.text('Hello Hono!')).fetch);
  try {
    const target = `${proxy.url}${PATH}`;
    const base = `http://127.0.0.1:${(hello.address() as AddressInfo).port}/`;
    // Warm the cache: the first call goes upstream (to the simulator), the load is served from it.
    const warm = await fetch(target);
    if (warm.status !== 200) throw new Error(`warm-up ${PATH}: HTTP ${warm.status} ${await warm.text()}`);
    await warm.json();

    await autocannon(base, WARMUP_SECONDS);
    await autocannon(target, WARMUP_SECONDS);
    const upstreamBefore = sim.requests();
    const runs = { base: [] as Load[], proxy: [] as Load[] };
    for (let i = 0; i < SECONDS / RUN_SECONDS; i++) {
      const order = i % 2 === 0 ? (['base', 'proxy'] as const) : (['proxy', 'base'] as const);
      for (const which of order) runs[which].push(await autocannon(which === 'base' ? base : target, RUN_SECONDS));
    }
    const upstream = sim.requests() - upstreamBefore;
    const rps = (loads: Load[]) => loads.reduce((s, l) => s + l.requests, 0) / loads.reduce((s, l) => s + l.seconds, 0);
    const ours = rps(runs.proxy);
    // A cached GET: at most a background refresh or two when the entry ages past its TTL.
    if (upstream > ours * SECONDS * 0.001) throw new Error(`the load was not served from the cache: ${upstream} upstream requests`);
    return [line('proxy.cached_get.rps', ours, 'req/s', rps(runs.base))];
  } finally {
    await close(hello);
    await proxy.stop();
    await sim.close();
  }
}
