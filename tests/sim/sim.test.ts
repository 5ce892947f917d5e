import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../../shared/catalog/registry';
import { SymbolMap } from '../../shared/catalog/symbols';
import { Engine, fetchTransport, MemoryStore, systemClock, systemRandom } from '../../shared/engine';
import { loadCases } from './routes';
import { startSimulator, type Simulator } from './server';

const symbols = new SymbolMap();
let sim: Simulator;
let cases: Awaited<ReturnType<typeof loadCases>>;

beforeAll(async () => {
  cases = await loadCases();
  sim = await startSimulator({ providers: allProviders(), cases });
});
afterAll(() => sim.close());

describe('the upstream simulator', () => {
  it('answers as every catalog provider: each recorded success comes back through the engine', async () => {
    let answered = 0;
    for (const provider of allProviders()) {
      // One provider per engine, so the answer can only come from it; a dummy key for keyed ones.
      const engine = new Engine({
        providers: [{ ...provider, baseUrl: sim.baseUrl(provider.id), limits: {} }],
        ports: { clock: systemClock, random: systemRandom, transport: fetchTransport, store: new MemoryStore(), secrets: { keys: () => ['sim-key'] } },
        symbolId: (p, s) => symbols.resolve(p, s),
      });
      for (const c of cases.get(provider.id) ?? []) {
        if (c.fails) continue;
        const answer = await engine.get(c.capability, (c.params ?? {}) as never, { fresh: true });
        expect(answer.ok ? answer.source : answer.message, `${provider.id} ${c.fixture}`).toBe(provider.id);
        answered++;
      }
    }
    expect(answered).toBeGreaterThan(40);
  });

  it('counts requests per provider and injects faults over HTTP at run time', async () => {
    sim.resetCounts();
    const bad = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: '{"provider":"coingecko","kind":"nope"}' });
    expect(bad.status).toBe(400);
    const set = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: '{"provider":"coingecko","kind":"server_error"}' });
    expect(set.status).toBe(200);
    const hit = await fetch(`${sim.baseUrl('coingecko')}/global`);
    expect(hit.status).toBe(503);
    // Clearing another provider's fault leaves this one in place.
    await fetch(`${sim.url}/_sim/faults?provider=binance`, { method: 'DELETE' });
    expect((await fetch(`${sim.baseUrl('coingecko')}/global`)).status).toBe(503);
    await fetch(`${sim.url}/_sim/faults?provider=coingecko`, { method: 'DELETE' });
    const ok = await fetch(`${sim.baseUrl('coingecko')}/global`);
    expect(ok.status).toBe(200);
    expect(sim.requests('coingecko')).toBe(3);
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as { paths: Record<string, number> };
    expect(stats.paths).toEqual({ 'coingecko GET /global': 3 });
  });

  it('never answers a request about another asset with a recording, but lets paging differ', async () => {
    expect((await fetch(`${sim.baseUrl('binance')}/api/v3/ticker/24hr?symbol=ETHUSDT`)).status).toBe(404);
    expect((await fetch(`${sim.baseUrl('coingecko')}/simple/price?ids=ethereum&vs_currencies=usd`)).status).toBe(404);
    expect((await fetch(`${sim.baseUrl('binance')}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3`)).status).toBe(200);
    // A list that includes the recorded coin gets the recording, as a partial answer.
    expect((await fetch(`${sim.baseUrl('coingecko')}/simple/price?ids=bitcoin,ethereum&vs_currencies=usd`)).status).toBe(200);
  });

  it('answers 404 for an unknown provider or path', async () => {
    expect((await fetch(`${sim.url}/nope/x`)).status).toBe(404);
    expect((await fetch(`${sim.baseUrl('coingecko')}/no/such/path`)).status).toBe(404);
  });
});

describe('CORS in the simulator', () => {
  it('sends CORS headers and answers preflights only for providers with cors: true', async () => {
    const withCors = await fetch(`${sim.baseUrl('coingecko')}/global`);
    expect(withCors.headers.get('access-control-allow-origin')).toBe('*');
    const noCors = await fetch(`${sim.baseUrl('kraken')}/0/public/Time`);
    expect(noCors.headers.get('access-control-allow-origin')).toBeNull();

    const pre = await fetch(`${sim.baseUrl('coingecko')}/global`, { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-cg-demo-api-key' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('x-cg-demo-api-key');
    const refused = await fetch(`${sim.baseUrl('kraken')}/0/public/Ticker`, { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
