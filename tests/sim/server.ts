import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ProviderSpec } from '../../shared/engine/adapter';
import { SeededRandom } from '../../shared/engine/ports';
import type { FixtureCase } from '../../shared/catalog/testing/cases';
import { corruptBody, Fault, refreshTimes, type FaultInput } from './faults';
import { loadCases, match, routesFor, type Route } from './routes';
import { jsonAnswer, parseAnswerInput, type BuiltAnswer } from './answers';

export interface SimulatorOptions {
  readonly providers: readonly ProviderSpec[];
  /** Recorded cases per provider id; default: every provider folder's fixtures.ts. */
  readonly cases?: ReadonlyMap<string, readonly FixtureCase[]>;
  /** Port on 127.0.0.1; default 0 (any free port). */
  readonly port?: number;
  /** Seed for the fault-rate dice. */
  readonly seed?: number;
  /** Symbol ids for building the recorded requests; default: the catalog's symbol map. */
  readonly symbolId?: (provider: string, symbol: string) => string | undefined;
  /** Keep every request received (method, URL with query, headers, body) for `recorded()`. Default false. */
  readonly record?: boolean;
  /**
   * Unmatched requests are answered with the full request URL, query string included, as some real
   * APIs echo it: a test can then check that keys in that echo are not passed on. Default false.
   */
  readonly echoUnmatched?: boolean;
}

/** One request as the simulator received it (with `record: true`). */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string, e.g. `/coingecko/api/v3/ping?x_cg_demo_api_key=…`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface Simulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Base URL for one provider: `<url>/<id>`. */
  baseUrl(id: string): string;
  /** CM_BASE_URLS value pointing every provider here. */
  readonly baseUrls: Record<string, string>;
  setFault(provider: string, fault: FaultInput): void;
  /**
   * TEST-ONLY hook: answer `provider`'s requests on `path` (any query) with `body`, a response built
   * by the test (not a recording), e.g. to move a price; `undefined` goes back to the recording.
   */
  setAnswer(provider: string, path: string, body: unknown): void;
  clearFaults(provider?: string): void;
  /** Requests received per provider id since the last reset. */
  requests(provider?: string): number;
  resetCounts(): void;
  /** Requests received so far, oldest first (empty unless started with `record: true`). */
  recorded(): readonly RecordedRequest[];
  close(): Promise<void>;
}

/**
 * The loopback upstream simulator: answers as every catalog provider from its recorded
 * fixtures, with faults injectable per provider at run time (in-process, or over HTTP at
 * `/_sim/faults` for other processes).
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const cases = options.cases ?? (await loadCases());
  const routes = new Map<string, Route[]>();
  for (const p of options.providers) routes.set(p.id, routesFor(p, cases.get(p.id) ?? [], options.symbolId));
  // Like the real services: only providers that send CORS headers (`cors: true`) send them here, so a
  // browser in direct mode can call only those directly and must take the rest through the relay.
  const corsIds = new Set(options.providers.filter((p) => p.cors).map((p) => p.id));
  const faults = new Map<string, Fault>();
  const counts = new Map<string, number>();
  /** Requests per `<provider> <METHOD> <path and query>`, for tests that count one request's calls. */
  const pathCounts = new Map<string, number>();
  const dice = new SeededRandom(options.seed ?? 7);
  const sockets = new Set<Socket>();
  const log: RecordedRequest[] = [];
  /** Test-built answers (setAnswer), by `<provider> <path>`. */
  const built = new Map<string, BuiltAnswer>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const body = await readBody(req);
    if (options.record && !url.pathname.startsWith('/_sim/')) {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      log.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body });
    }
    if (url.pathname.startsWith('/_sim/')) return control(req.method ?? 'GET', url.pathname, body, res, url.searchParams);

    const [, id = '', ...rest] = url.pathname.split('/');
    const providerRoutes = routes.get(id);
    if (!providerRoutes) return send(res, 404, { error: `no simulated provider '${id}'` }, {}, false);
    const cors = corsIds.has(id);
    if (req.method === 'OPTIONS') return preflight(req, res, cors);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const pathKey = `${id} ${req.method ?? 'GET'} /${rest.join('/')}${url.search}`;
    pathCounts.set(pathKey, (pathCounts.get(pathKey) ?? 0) + 1);

    const fault = faults.get(id) ?? faults.get('*');
    const active = fault && dice.next() < fault.rate ? fault : undefined;
    if (active?.kind === 'refused') return req.socket.destroy();
    if (active?.kind === 'timeout') return; // hold the socket until the client gives up
    if (active?.kind === 'rate_limit') {
      return send(res, 429, { error: 'Too Many Requests' }, { 'retry-after': String(active.retryAfterS) }, cors);
    }
    if (active?.kind === 'server_error') return send(res, 503, { error: 'Service Unavailable' }, {}, cors);
    if (active?.kind === 'loading') return send(res, 503, { error: `Model ${rest.join('/')} is currently loading`, estimated_time: active.retryAfterS }, {}, cors);

    const answer = built.get(`${id} /${rest.join('/')}`);
    if (answer !== undefined && !active) {
      res.writeHead(200, { 'content-type': answer.type, ...corsHeaders(cors) });
      return res.end(answer.text);
    }
    const route = match(providerRoutes, req.method ?? 'GET', `/${rest.join('/')}`, url.searchParams, body);
    if (!route) return send(res, 404, { error: `no recording for ${req.method} ${options.echoUnmatched ? (req.url ?? '') : `/${rest.join('/')}`}` }, {}, cors);
    const live = route.status === 200 ? refreshTimes(route.body, Date.now()) : route.body;
    const corrupted = active ? corruptBody(active.kind, live) : undefined;
    const text = corrupted ?? live;
    const type = active?.kind === 'html' ? 'text/html' : route.contentType;
    if (active?.kind === 'slow') return trickle(res, route.status, text, type, active.delayMs, cors);
    res.writeHead(route.status, { 'content-type': type, ...corsHeaders(cors) });
    res.end(text);
  };

  const control = (method: string, path: string, body: string, res: ServerResponse, query: URLSearchParams) => {
    if (path === '/_sim/faults' && method === 'POST') {
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return send(res, 400, { error: 'body must be JSON {provider, kind, rate?, retryAfterS?, delayMs?}' });
      }
      const provider = input && typeof input === 'object' && 'provider' in input ? input.provider : undefined;
      const parsed = Fault.safeParse(input);
      if (typeof provider !== 'string' || !parsed.success) return send(res, 400, { error: 'expected {provider, kind, rate?, retryAfterS?, delayMs?}' });
      faults.set(provider, parsed.data);
      return send(res, 200, { ok: true });
    }
    // `?provider=<id>` clears that provider's fault only, so tests running side by side on one
    // simulator do not lift each other's faults; without it, every fault goes.
    if (path === '/_sim/faults' && method === 'DELETE') {
      const only = query.getAll('provider');
      if (only.length === 0) faults.clear();
      for (const id of only) faults.delete(id);
      return send(res, 200, { ok: true });
    }
    // TEST-ONLY answers built by a test for a running demo (tests/sim/answers.ts).
    if (path === '/_sim/answers' && method === 'POST') {
      const input = parseAnswerInput(body);
      if (!input) return send(res, 400, { error: 'expected {provider, path, body} or {provider, path, text, contentType}' });
      built.set(input.key, input.answer);
      return send(res, 200, { ok: true });
    }
    if (path === '/_sim/answers' && method === 'DELETE') {
      built.clear();
      return send(res, 200, { ok: true });
    }
    if (path === '/_sim/stats') return send(res, 200, { requests: Object.fromEntries(counts), paths: Object.fromEntries(pathCounts), faults: Object.fromEntries(faults) });
    if (path === '/_sim/reset' && method === 'POST') {
      counts.clear();
      pathCounts.clear();
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: 'unknown control path' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'simulator error' });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: (id) => `${url}/${id}`,
    baseUrls: Object.fromEntries(options.providers.map((p) => [p.id, `${url}/${p.id}`])),
    setFault: (provider, fault) => faults.set(provider, Fault.parse(fault)),
    setAnswer: (provider, path, body) => (body === undefined ? built.delete(`${provider} ${path}`) : built.set(`${provider} ${path}`, jsonAnswer(body))),
    clearFaults: (provider) => (provider ? faults.delete(provider) : faults.clear()),
    requests: (provider) => (provider ? (counts.get(provider) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0)),
    resetCounts: () => {
      counts.clear();
      pathCounts.clear();
    },
    recorded: () => [...log],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1_000_000) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

const corsHeaders = (cors: boolean): Record<string, string> => (cors ? { 'access-control-allow-origin': '*' } : {});

/** A CORS preflight: allowed for a provider with CORS, answered without CORS headers (so refused by browsers) otherwise. */
function preflight(req: IncomingMessage, res: ServerResponse, cors: boolean): void {
  if (!cors) {
    res.writeHead(405, { allow: 'GET, POST' });
    res.end();
    return;
  }
  const asked = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': typeof asked === 'string' && /^[\w\-, ]{0,512}$/.test(asked) ? asked : 'accept, content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

/** Control paths keep CORS open (tests may drive them from a page); a provider sends it only with `cors: true`. */
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, cors = true): void {
  res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders(cors), ...headers });
  res.end(JSON.stringify(body));
}

function trickle(res: ServerResponse, status: number, text: string, type: string, totalMs: number, cors: boolean): void {
  res.writeHead(status, { 'content-type': type, ...corsHeaders(cors) });
  const parts = 4;
  const size = Math.ceil(text.length / parts);
  let i = 0;
  const step = () => {
    if (res.destroyed) return;
    res.write(text.slice(i * size, (i + 1) * size));
    if (++i < parts) setTimeout(step, totalMs / parts);
    else res.end();
  };
  step();
}
