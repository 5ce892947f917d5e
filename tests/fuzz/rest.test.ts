import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, OPERATIONS, type Operation } from '../../shared/api/rest';
import { FUZZ_TOKEN, startFuzzServer, type FuzzServer } from './server';

/**
 * Seeded random and malformed requests to every operation of the contract table, over HTTP to the
 * real proxy: path parameters, query strings, bodies and headers. No response may be a 500 or a
 * crash; a 4xx carries a JSON error; a 2xx JSON body passes the operation's ok schema. The only
 * 5xx allowed is one the operation documents (503: every provider that may have the data failed,
 * or a part not configured), with a JSON error.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_701);
/**
 * Cases per operation. Diagnostics probe every provider, and a price for a symbol nobody recorded
 * walks the whole pool (~0.5 s a case): those get fewer, the rest a little more, 10,000+ in all.
 */
const RUNS = Number(process.env.FUZZ_REST_RUNS ?? 175);
const FEWER: Record<string, number> = {
  '/api/diagnostics/run': 8,
  '/api/resources/backup': 30,
  '/api/resources/backups/{name}/restore': 40,
  '/api/resources/market/consensus/{symbol}': 20,
  '/api/resources/market/price/{symbol}': 25,
  '/api/status/index': 60,
};

const PATH_VALUES: Record<string, readonly string[]> = {
  id: ['coingecko', 'binance', 'kraken', 'primary-market-data', 'default-price', 'p1', 'x'],
  providerId: ['coingecko', 'coincap', 'x'],
  symbol: ['BTC', 'eth', 'XRP', 'B'],
  category: ['market', 'news', 'onchain', 'x'],
  capability: ['price', 'markets', 'global', 'ohlcv', 'gas', 'fear-greed', 'news', 'teleport'],
  action: ['reset', 'open', 'disable', 'enable', 'explode'],
  name: ['backup-1.json', 'x', '..'],
};
const TRICKS = ['..%2f..%2fetc%2fpasswd', '%00', '%E0%A4%A', 'a'.repeat(3_000), '%2e%2e', 'x%0d%0aSet-Cookie:%20a=b', encodeURIComponent('<script>')];
const QUERY_KEYS = ['symbols', 'symbol', 'vs', 'limit', 'chain', 'address', 'format', 'capability', 'category', 'level', 'provider', 'since', 'interval', 'pair', 'depth', 'community', 'texts', 'minUsd', 'slug'];
const QUERY_VALUES = ['BTC', 'BTC,ETH', 'USD', 'ethereum', 'bitcoin', '0x742d35Cc6634C0532925a3b844Bc454e4438f44e', 'json', 'csv', '1', '0', '-1', '1e309', 'NaN', '', 'BTC/USDT', '1h', 'price', 'error'];

const segment = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(PATH_VALUES[name] ?? ['x'])) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKS) },
  ).filter((s) => s.length > 0 && s !== '.' && s !== '..');

const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 12 })),
      fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 60, unit: 'binary' }), fc.integer().map(String), fc.double().map(String)),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ id: 'p1', name: 'P', members: [{ provider: 'coingecko' }], capability: 'price', ...(typeof v === 'object' && v && !Array.isArray(v) ? v : { extra: v }) })),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.constantFrom('', '{', '{"id":', 'null', '[]', '{"__proto__":{"polluted":true}}', `${'['.repeat(3_000)}${']'.repeat(3_000)}`),
);

const headers = fc.record({
  auth: fc.oneof({ weight: 4, arbitrary: fc.constant(`Bearer ${FUZZ_TOKEN}`) }, fc.constant(undefined), fc.string({ maxLength: 30 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`)),
  type: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, fc.constant(undefined), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1')),
});

interface Verdict {
  status: number;
  problem?: string;
}

let fz: FuzzServer;
const tally = { cases: 0, s2xx: 0, s4xx: 0, s5xxDocumented: 0 };

beforeAll(async () => {
  fz = await startFuzzServer();
}, 30_000);

afterAll(async () => {
  await fz?.close();
});

async function judge(op: Operation, path: string, init: RequestInit): Promise<Verdict> {
  const res = await fetch(`${fz.server.url}${path}`, init);
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json') ? safeJson(text) : undefined;
  tally.cases++;
  if (res.status >= 500) {
    if (res.status === 500 || !op.errors.includes(res.status)) return { status: res.status, problem: `undocumented ${res.status}: ${text.slice(0, 200)}` };
    if (!ErrorBody.safeParse(json).success) return { status: res.status, problem: `${res.status} without a JSON error` };
    tally.s5xxDocumented++;
    return { status: res.status };
  }
  if (res.status >= 400) {
    tally.s4xx++;
    if (res.status === 405 && text === '') return { status: res.status };
    if (!ErrorBody.safeParse(json).success) return { status: res.status, problem: `${res.status} without a JSON error: ${text.slice(0, 120)}` };
    return { status: res.status };
  }
  tally.s2xx++;
  if (op.ok.body && json !== undefined) {
    const parsed = op.ok.body.safeParse(json);
    if (!parsed.success) return { status: res.status, problem: `2xx body fails the ok schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
  }
  return { status: res.status };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const names = (op: Operation) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

describe('REST fuzzing (every operation, seeded)', () => {
  it.each(OPERATIONS.map((op, i) => [`${op.method.toUpperCase()} ${op.path}`, op, i] as const))('%s: no 500, JSON errors, valid 2xx bodies', async (_label, op, i) => {
    const segs = fc.tuple(...names(op).map(segment));
    const arb = fc.record({ segs, query, body, headers, method: fc.oneof({ weight: 9, arbitrary: fc.constant(op.method.toUpperCase()) }, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH')) });
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        let k = 0;
        const path = op.path.replace(/\{(\w+)\}/g, () => c.segs[k++] ?? 'x');
        const h: Record<string, string> = {};
        if (c.headers.auth) h.Authorization = c.headers.auth;
        if (c.headers.type) h['Content-Type'] = c.headers.type;
        const init: RequestInit = { method: c.method, headers: h };
        if (c.method !== 'GET') init.body = c.body;
        // Another method on the same path is judged by that operation's contract (if any).
        const target = c.method === op.method.toUpperCase() ? op : (OPERATIONS.find((o) => o.path === op.path && o.method.toUpperCase() === c.method) ?? { ...op, ok: { status: 200 } });
        const v = await judge(target, c.query ? `${path}?${c.query}` : path, init);
        if (v.problem) problems.push(`${c.method} ${path.slice(0, 100)}?${c.query.slice(0, 60)} -> ${v.problem}`);
        return v.problem === undefined;
      }),
      { seed: SEED + i, numRuns: FEWER[op.path] ?? RUNS, endOnFailure: true },
    ).catch((e: unknown) => {
      throw new Error(`${problems[0] ?? ''}\n${e instanceof Error ? e.message.slice(0, 600) : String(e)}`);
    });
  }, 120_000);

  it('ran at least 10,000 cases in all, none of them leaving loopback', async () => {
    // The proxy is still up and answering after everything above.
    expect((await fetch(`${fz.server.url}/health`)).status).toBe(200);
    expect(tally.cases).toBeGreaterThanOrEqual(OPERATIONS.length * 100);
    expect(tally.s4xx).toBeGreaterThan(tally.cases / 4);
    expect(tally.s2xx).toBeGreaterThan(100);
    expect(fz.offLoopback).toEqual([]);
    console.log(`REST fuzz: ${tally.cases} cases, ${tally.s2xx} 2xx, ${tally.s4xx} 4xx, ${tally.s5xxDocumented} documented 503`);
  });
});
