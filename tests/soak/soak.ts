/**
 * `npm run soak` (not in CI): the real proxy (startServer: SQLite, hub, feeds, logs) on the loopback
 * simulator with faults rotating over the providers, SOAK_CLIENTS WebSocket clients (default 1,000)
 * subscribed to the feed groups, and REST load every second, for SOAK_MINUTES (default 30).
 * Samples RSS and heap every 10 s, counts errors, lists the handles still open after shutdown, and
 * writes the "Soak" section of docs/RELIABILITY.md. Pass: RSS at the end within 10 % of RSS after
 * the warm-up, no 500, no abnormal WebSocket close, nothing left open but stdio.
 *
 * Clients, simulator and proxy share this one process (so the figures include the clients'
 * memory); their number does not change after the warm-up, so growth is still the proxy's.
 */
import WebSocket from 'ws';
import { allProviders } from '../../shared/catalog/registry';
import { SeededRandom } from '../../shared/engine';
import { writeSection } from '../chaos/report';
import { FAULT_KINDS } from '../sim/faults';
import { startProxyOnSim } from '../sim/proxy';
import { startSimulator } from '../sim/server';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 1_000);
const DURATION_MS = MINUTES * 60_000;
/** Warm-up: caches, breakers, JIT and SQLite settle; the RSS baseline is taken at its end. */
const WARMUP_MS = Math.min(120_000, DURATION_MS / 3);
const SAMPLE_MS = 10_000;
const FAULT_ROTATE_MS = 20_000;
const GROUPS = ['prices', 'market', 'news', 'sentiment', 'providers', 'alerts'] as const;
const REST_PATHS = ['/api/status', '/api/data/price?symbols=BTC', '/api/resources/market/prices?symbols=BTC,ETH', '/api/providers', '/api/stats', '/api/data/global', '/api/resources/sentiment/fear-greed', '/api/hierarchy/health'];
const REST_PER_SECOND = 20;

interface Sample {
  atS: number;
  rssMb: number;
  heapMb: number;
  /** Memory outside the JS heap: Buffers, ArrayBuffers (sockets), native addons' allocations seen by V8. */
  externalMb: number;
  openClients: number;
  wsMessages: number;
  restRequests: number;
  errors: number;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const rng = new SeededRandom(7);
  const sim = await startSimulator({ providers: allProviders(), seed: 7 });
  const server = await startProxyOnSim(sim, { env: { CM_ADMIN_TOKEN: 'soak-admin-token', CM_DISCOVERY_INTERVAL_H: '0' } });
  const wsUrl = `${server.url.replace('http', 'ws')}/ws`;
  const errors: string[] = [];
  const error = (e: string) => {
    if (errors.length < 1_000) errors.push(e);
  };
  let wsMessages = 0;
  let restRequests = 0;
  const clients: WebSocket[] = [];

  const open = (i: number) =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'subscribe', group: GROUPS[i % GROUPS.length] }));
        if (i % 3 === 0) ws.send(JSON.stringify({ type: 'subscribe', group: 'prices' }));
        resolve();
      });
      ws.on('message', () => wsMessages++);
      ws.on('close', (code: number) => {
        if (!stopping) error(`ws client ${i} closed with ${code}`);
      });
      ws.on('error', (e) => {
        error(`ws client ${i}: ${e.message}`);
        resolve();
      });
      clients.push(ws);
    });
  let stopping = false;
  for (let i = 0; i < CLIENTS; i += 100) await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, (_, k) => open(i + k)));

  const ids = allProviders().map((p) => p.id);
  const rotate = () => {
    sim.clearFaults();
    for (const id of ids) {
      if (rng.next() < 0.3) sim.setFault(id, { kind: FAULT_KINDS[Math.floor(rng.next() * FAULT_KINDS.length)] ?? 'server_error', delayMs: 3_000, retryAfterS: 20 });
    }
  };
  rotate();
  const faultTimer = setInterval(rotate, FAULT_ROTATE_MS);
  const restTimer = setInterval(() => {
    for (let k = 0; k < REST_PER_SECOND; k++) {
      const path = REST_PATHS[(restRequests + k) % REST_PATHS.length] as string;
      restRequests++;
      fetch(`${server.url}${path}`)
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status >= 500 && res.status !== 503) error(`${path} -> ${res.status}`);
        })
        .catch((e: unknown) => error(`${path}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }, 1_000);

  const started = Date.now();
  const samples: Sample[] = [];
  const sample = () => {
    gc?.();
    const m = process.memoryUsage();
    const s: Sample = {
      atS: Math.round((Date.now() - started) / 1000),
      rssMb: mb(m.rss),
      heapMb: mb(m.heapUsed),
      externalMb: mb(m.external),
      openClients: clients.filter((c) => c.readyState === WebSocket.OPEN).length,
      wsMessages,
      restRequests,
      errors: errors.length,
    };
    samples.push(s);
    console.log(`soak ${s.atS}s rss ${s.rssMb} MB heap ${s.heapMb} MB external ${s.externalMb} MB clients ${s.openClients} ws msgs ${s.wsMessages} rest ${s.restRequests} errors ${s.errors}`);
  };
  sample();
  while (Date.now() - started < DURATION_MS) {
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    sample();
  }

  stopping = true;
  clearInterval(faultTimer);
  clearInterval(restTimer);
  await new Promise((r) => setTimeout(r, 2_000));
  for (const c of clients) c.close();
  await new Promise((r) => setTimeout(r, 1_000));
  await server.stop();
  await sim.close();
  // A one-shot timer still pending (a request's timeout, a delayed simulator answer) ends on its
  // own; what is still open after 5 s is left behind for good (an interval, a socket, a server).
  const openHandles = () => process.getActiveResourcesInfo().filter((h) => h !== 'TTYWrap' && h !== 'PipeWrap' && h !== 'FSReqCallback');
  let leftOpen = openHandles();
  for (let waited = 0; leftOpen.length > 0 && waited < 5_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    // The poll's own timer has fired by now; anything else is the proxy's or the simulator's.
    leftOpen = openHandles();
  }

  const afterWarmup = samples.find((s) => s.atS * 1000 >= WARMUP_MS) ?? samples[0];
  const end = samples[samples.length - 1];
  const growthPct = afterWarmup && end ? Math.round(((end.rssMb - afterWarmup.rssMb) / afterWarmup.rssMb) * 1000) / 10 : 0;
  const pass = Math.abs(growthPct) <= 10 && errors.length === 0 && leftOpen.length === 0;
  const step = Math.max(1, Math.round(samples.length / 40));
  const rows = samples.filter((_, i) => i % step === 0 || i === samples.length - 1).map((s) => `| ${s.atS} | ${s.rssMb} | ${s.heapMb} | ${s.externalMb} | ${s.openClients} | ${s.wsMessages} | ${s.restRequests} | ${s.errors} |`);
  writeSection(
    'soak',
    `## Soak

Generated by \`SOAK_MINUTES=${MINUTES} SOAK_CLIENTS=${CLIENTS} npm run soak\` (${new Date().toISOString().slice(0, 16)}Z). The real proxy (startServer) on the
loopback simulator; every ${FAULT_ROTATE_MS / 1000} s about 30 % of the providers get a random fault kind; ${CLIENTS} WebSocket clients
subscribed to the feed groups; ${REST_PER_SECOND} REST requests a second over ${REST_PATHS.length} routes. Clients share the process, so RSS
includes them. ${gc ? 'A full GC runs before each sample.' : 'No GC before samples (run with node --expose-gc for steadier figures).'}

**Result: ${pass ? 'pass' : 'FAIL'}.** RSS after the ${Math.round(WARMUP_MS / 1000)} s warm-up ${afterWarmup?.rssMb} MB, at the end ${end?.rssMb} MB (${growthPct >= 0 ? '+' : ''}${growthPct} %, limit ±10 %);
errors (a 5xx other than an honest 503, a failed request, a WebSocket closed by the server): ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join('; ')})` : ''};
handles still open after shutdown: ${leftOpen.length === 0 ? 'none' : leftOpen.join(', ')}.

| s | RSS MB | heap MB | external MB | open clients | WS messages | REST requests | errors |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
  console.log(`soak: ${pass ? 'pass' : 'FAIL'}; rss ${afterWarmup?.rssMb} -> ${end?.rssMb} MB (${growthPct} %), ${errors.length} errors, open handles: ${leftOpen.join(', ') || 'none'}`);
  process.exitCode = pass ? 0 : 1;
}

await main();
