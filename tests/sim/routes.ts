import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { CAPABILITIES, type Capability, type ParamsOf } from '../../shared/model';
import type { CapabilityAdapter, ProviderSpec } from '../../shared/engine/adapter';
import { buildHttpRequest } from '../../shared/engine/request';
import { SymbolMap } from '../../shared/catalog/symbols';
import type { FixtureCase } from '../../shared/catalog/testing/cases';

/** One recorded answer the simulator can give, and the request it answers. */
export interface Route {
  readonly capability: Capability;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
  /** For JSON-RPC: the method named in the POST body. */
  readonly rpcMethod?: string;
  /** The provider's key parameter: a different key asks for the same thing. */
  readonly keyParam?: string;
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
}

const PROVIDERS_DIR = new URL('../../shared/catalog/providers/', import.meta.url);
const FIXTURES_DIR = new URL('../fixtures/upstream/', import.meta.url);

/** Every provider folder's recorded cases (its fixtures.ts), keyed by provider id. */
export async function loadCases(): Promise<Map<string, readonly FixtureCase[]>> {
  const out = new Map<string, readonly FixtureCase[]>();
  for (const dir of readdirSync(PROVIDERS_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = new URL(`${dir.name}/fixtures.ts`, PROVIDERS_DIR);
    if (!existsSync(file)) continue;
    const mod = (await import(file.href)) as { fixtures?: readonly FixtureCase[] };
    if (mod.fixtures) out.set(dir.name, mod.fixtures);
  }
  return out;
}

const symbols = new SymbolMap();
const defaultSymbols = (provider: string, symbol: string) => symbols.resolve(provider, symbol);

const rpcMethodOf = (body: string | undefined): string | undefined => {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
    return first && typeof first === 'object' && 'method' in first && typeof first.method === 'string' ? first.method : undefined;
  } catch {
    return undefined;
  }
};

/** Turn a provider's cases into routes: the request its adapter would send, and the recorded answer. */
export function routesFor(
  provider: ProviderSpec,
  cases: readonly FixtureCase[],
  symbolId: (provider: string, symbol: string) => string | undefined = defaultSymbols,
): Route[] {
  const ctx = { now: Date.now(), symbolId: (s: string) => symbolId(provider.id, s) };
  const routes: Route[] = [];
  // Only successful recordings answer: errors are what fault injection is for.
  for (const c of cases) {
    if (c.fails) continue;
    const adapter = provider.capabilities[c.capability] as CapabilityAdapter | undefined;
    if (!adapter) continue;
    const params = CAPABILITIES[c.capability].params.parse(c.params ?? {}) as ParamsOf<Capability>;
    const spec = adapter.request(params as never, ctx);
    if (typeof spec === 'string') continue;
    const req = buildHttpRequest({ ...provider, baseUrl: 'http://sim' }, spec, undefined);
    const url = new URL(req.url);
    const rpcMethod = rpcMethodOf(req.body);
    routes.push({
      capability: c.capability,
      method: req.method,
      path: url.pathname,
      query: new Map(url.searchParams),
      ...(rpcMethod ? { rpcMethod } : {}),
      ...(provider.auth.kind === 'query' ? { keyParam: provider.auth.param } : {}),
      status: c.status ?? 200,
      body: readFileSync(new URL(c.fixture, FIXTURES_DIR), 'utf8'),
      contentType: c.fixture.endsWith('.xml') ? 'application/xml' : 'application/json',
    });
  }
  return routes;
}

/** Query parameters that page or size an answer rather than name what it is about. */
const PAGING = /^(limit|count|depth|size|per_page|page|offset|since|from|to|toTs|startTime|endTime|start|end|sort|order)$/i;

/** A list value (`a,b` or a JSON array) that names everything the recorded one does, and more. */
function covers(asked: string, recorded: string): boolean {
  const items = (x: string): string[] => {
    if (x.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(x);
        return Array.isArray(parsed) ? parsed.map(String) : [x];
      } catch {
        return [x];
      }
    }
    return x.split(',');
  };
  const wanted = new Set(items(asked));
  return items(recorded).every((i) => wanted.has(i));
}

/**
 * The best route for a request: same method, path (and RPC method), no parameter naming something
 * else than the recording (a BTC recording never answers for ETH; paging may differ; a request
 * for BTC and ETH may get the BTC recording, as a partial answer the adapter sorts out), most
 * parameters in common.
 */
export function match(routes: readonly Route[], method: string, path: string, query: URLSearchParams, body: string | undefined): Route | undefined {
  const rpc = method === 'POST' ? rpcMethodOf(body) : undefined;
  let best: Route | undefined;
  let bestScore = -1;
  for (const r of routes) {
    if (r.method !== method || r.path !== path || (r.rpcMethod !== undefined && r.rpcMethod !== rpc)) continue;
    let score = 0;
    let conflict = false;
    for (const [k, v] of r.query) {
      const asked = query.get(k);
      if (asked === v) score++;
      else if (asked !== null && !PAGING.test(k) && k !== r.keyParam && !covers(asked, v)) conflict = true;
    }
    if (conflict) continue;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
