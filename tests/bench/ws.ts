/**
 * `ws.fanout.p99_ms` and `ws.fanout.peak_rss_mb`: 5,000 `ws` clients subscribed to `prices` on
 * the proxy's WebSocket (attachWebSocket on a real node server, the hub behind it); the server
 * publishes 20 price updates, one every 200 ms, through `hub.publish` (serialised once, handed to
 * every member, as the feeds do), each stamped with its send time; the p99 of receive time minus
 * send time over every client and update. Baseline: a bare `ws` WebSocketServer broadcasting the
 * same payload to 5,000 clients in a loop, under the same settings, in the same run.
 *
 * Each server runs alone in a child process (its peak RSS is its own), the clients in two other
 * children, so the server's event loop is not shared with the receiving side. The children are
 * started through `sh -c 'ulimit -n …'` to raise the open-file limit as far as the hard limit
 * allows (each side holds 5,000 sockets at once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { line, type BenchLine } from './harness';

const CLIENTS = 5_000;
const CLIENT_PROCESSES = 2;
const UPDATES = 20;
const EVERY_MS = 200;
/** Connections opening at once per client process (the listen backlog is 511). */
const CONNECT_CONCURRENCY = 100;
/** Every child is killed after this, whatever happens. */
const CHILD_DEADLINE_MS = 60_000;
const ROLE_FLAG = '--bench-ws-role';
const SELF = fileURLToPath(import.meta.url);

type Mode = 'hub' | 'bare';

type ServerReport = { type: 'listening'; port: number } | { type: 'published'; maxRssKb: number; sent: number };
type ClientReport = { type: 'ready'; connected: number } | { type: 'done'; latencies: number[]; received: number };
type Command = { type: 'publish'; updates: number; everyMs: number } | { type: 'report' } | { type: 'exit' };

/** The `prices` update the feed sends for its ten coins, stamped with `ts`. */
function priceUpdate(ts: number) {
  const coins = ['BTC', 'ETH', 'BNB', 'SOL', 'XRP', 'ADA', 'DOGE', 'TRX', 'DOT', 'LTC'];
  return {
    type: 'update' as const,
    group: 'prices' as const,
    channel: 'price' as const,
    data: coins.map((symbol, i) => ({ symbol, vs: 'USD', price: 60_000 / (i + 1) + 0.123, change24hPct: 1.25 - i / 10, volume24h: 1e9 / (i + 1), marketCap: 1e12 / (i + 1), ts })),
    source: 'binance',
    ts,
    stale: false,
  };
}

// ---- children ----

async function serverRole(mode: Mode): Promise<void> {
  const send = (m: ServerReport) => process.send?.(m);
  let publish: (ts: number) => number;
  let close: () => Promise<void>;
  let port: number;
  if (mode === 'hub') {
    const [{ serve }, { Hono }, { attachWebSocket, Hub }, { systemClock }] = await Promise.all([
      import('@hono/node-server'),
      import('hono'),
      import('../../proxy/ws'),
      import('../../shared/engine/ports'),
    ]);
    // A node server as the proxy starts it (serve()), with the WebSocket attached the proxy's way.
    const server = await new Promise<import('@hono/node-server').ServerType>((resolve) => {
      const s = serve({ fetch: new Hono().get('/health', (c) => c.text('ok')).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const hub = new Hub({ clock: systemClock });
    const ws = attachWebSocket(server, { hub, closeGraceMs: 500 });
    // The hub's real path: one JSON.stringify, then the same text to every member of `prices`.
    publish = (ts) => hub.publish('prices', priceUpdate(ts));
    port = (server.address() as import('node:net').AddressInfo).port;
    close = async () => {
      await ws.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
  } else {
    const { WebSocketServer } = await import('ws');
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    publish = (ts) => {
      const text = JSON.stringify(priceUpdate(ts));
      let n = 0;
      for (const client of wss.clients) {
        client.send(text);
        n++;
      }
      return n;
    };
    port = (wss.address() as import('node:net').AddressInfo).port;
    close = async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    };
  }
  process.on('message', (m: Command) => {
    if (m.type === 'publish') {
      let sent = 0;
      let i = 0;
      const start = Date.now();
      const tick = () => {
        // The next round is due one interval after this one began, as the feeds schedule theirs.
        if (++i < m.updates) setTimeout(tick, Math.max(0, start + i * m.everyMs - Date.now()));
        sent += publish(Date.now());
        // Let the last sends reach the sockets before reading the peak.
        if (i === m.updates) setTimeout(() => send({ type: 'published', maxRssKb: process.resourceUsage().maxRSS, sent }), 500);
      };
      tick();
    } else if (m.type === 'exit') {
      void close().finally(() => process.exit(0));
    }
  });
  send({ type: 'listening', port });
}

async function clientRole(mode: Mode, url: string, count: number, updates: number): Promise<void> {
  const { WebSocket } = await import('ws');
  const send = (m: ClientReport) => process.send?.(m);
  const latencies = new Float64Array(count * updates);
  let received = 0;
  const sockets: InstanceType<typeof WebSocket>[] = [];
  let doneSent = false;
  const report = () => {
    if (doneSent) return;
    doneSent = true;
    send({ type: 'done', latencies: Array.from(latencies.subarray(0, received)), received });
  };

  const open = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      sockets.push(ws);
      let ready = false;
      ws.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('{"type":"update"')) {
          // The top-level `ts` is the last one (the quotes' own come earlier, inside `data`).
          const at = text.lastIndexOf('"ts":');
          const ts = Number(text.slice(at + 5, text.indexOf(',', at)));
          if (received < latencies.length) latencies[received++] = Date.now() - ts;
          if (received === latencies.length) report();
          return;
        }
        if (!ready && mode === 'hub' && text.includes('"type":"subscribed"')) {
          ready = true;
          resolve();
        }
      });
      ws.once('open', () => {
        if (mode === 'hub') return ws.send(JSON.stringify({ type: 'subscribe', group: 'prices' }));
        ready = true;
        resolve();
      });
      ws.once('error', (e) => {
        if (!ready) reject(e);
      });
    });

  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await open();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));
  process.on('message', (m: Command) => {
    if (m.type === 'report') report();
    else if (m.type === 'exit') {
      for (const s of sockets) s.terminate();
      process.exit(0);
    }
  });
  send({ type: 'ready', connected: sockets.length });
}

// ---- the parent ----

/** A child running this file in `role`, through a shell that raises its open-file limit. */
function child(...args: string[]): ChildProcess {
  const script = 'ulimit -n 16384 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  const proc = spawn('/bin/sh', ['-c', script, process.execPath, '--import', 'tsx', SELF, ROLE_FLAG, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const deadline = setTimeout(() => proc.kill('SIGKILL'), CHILD_DEADLINE_MS);
  proc.once('exit', () => clearTimeout(deadline));
  return proc;
}

function next<T extends { type: string }>(proc: ChildProcess, type: T['type'], timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`ws bench child exited (${code}) before '${type}'`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`ws bench child: no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
    };
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => clearTimeout(kill));
  });
}

interface Run {
  p99: number;
  delivered: number;
  rssMb: number;
}

async function run(mode: Mode): Promise<Run> {
  const server = child('server', mode);
  const clients: ChildProcess[] = [];
  try {
    const { port } = await next<Extract<ServerReport, { type: 'listening' }>>(server, 'listening');
    const url = mode === 'hub' ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}/`;
    const share = Math.ceil(CLIENTS / CLIENT_PROCESSES);
    for (let i = 0; i < CLIENT_PROCESSES; i++) clients.push(child('client', mode, url, String(Math.min(share, CLIENTS - i * share)), String(UPDATES)));
    const ready = await Promise.all(clients.map((c) => next<Extract<ClientReport, { type: 'ready' }>>(c, 'ready')));
    const connected = ready.reduce((s, r) => s + r.connected, 0);
    if (connected !== CLIENTS) throw new Error(`ws bench: ${connected} of ${CLIENTS} clients connected`);

    const done = clients.map((c) => next<Extract<ClientReport, { type: 'done' }>>(c, 'done', 30_000));
    server.send({ type: 'publish', updates: UPDATES, everyMs: EVERY_MS } satisfies Command);
    const published = await next<Extract<ServerReport, { type: 'published' }>>(server, 'published');
    // Clients that have not seen every update by now report what they have.
    const late = setTimeout(() => clients.forEach((c) => c.send({ type: 'report' } satisfies Command)), 3_000);
    const reports = await Promise.all(done);
    clearTimeout(late);

    const all = new Float64Array(reports.reduce((s, r) => s + r.latencies.length, 0));
    let at = 0;
    for (const r of reports) {
      all.set(r.latencies, at);
      at += r.latencies.length;
    }
    all.sort();
    const p99 = all[Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] ?? NaN;
    const received = reports.reduce((s, r) => s + r.received, 0);
    if (published.sent !== CLIENTS * UPDATES) throw new Error(`ws bench (${mode}): handed ${published.sent} of ${CLIENTS * UPDATES} messages to sockets`);
    return { p99, delivered: (100 * received) / (CLIENTS * UPDATES), rssMb: published.maxRssKb / 1024 };
  } finally {
    for (const c of [...clients, server]) if (c.connected) c.send({ type: 'exit' } satisfies Command);
    await Promise.all([...clients, server].map(exited));
  }
}

export async function benchWs(): Promise<BenchLine[]> {
  const hub = await run('hub');
  const bare = await run('bare');
  return [
    line('ws.fanout.p99_ms', hub.p99, 'ms', bare.p99),
    line('ws.fanout.peak_rss_mb', hub.rssMb, 'MB', bare.rssMb),
    line('ws.fanout.delivered_pct', hub.delivered, '%', bare.delivered),
  ];
}

if (process.argv[2] === ROLE_FLAG && process.argv[1] === SELF) {
  // The parent is gone (crashed, killed): nothing will ever tell this child to stop.
  process.on('disconnect', () => process.exit(1));
  const [, , , role, mode, url, count, updates] = process.argv;
  if (role === 'server') await serverRole(mode as Mode);
  else if (role === 'client' && url) await clientRole(mode as Mode, url, Number(count), Number(updates));
  else throw new Error(`unknown ws bench role ${role}`);
}
