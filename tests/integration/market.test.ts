import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HfOhlcv, MarketSentiment, PriceConsensus } from '../../shared/api/market';
import { parseBaseUrlOverrides, withBaseUrls } from '../../shared/catalog/config';
import { allProviders, PROVIDERS } from '../../shared/catalog/registry';
import { SymbolMap } from '../../shared/catalog/symbols';
import type { FixtureCase } from '../../shared/catalog/testing/cases';
import { Engine, fetchTransport, MemoryStore, noSecrets, systemClock, systemRandom } from '../../shared/engine';
import { createApp } from '../../proxy/app';
import { createProxyEngine } from '../../proxy/engine';
import { EventLog } from '../../proxy/routes/logs';
import { Logs, openDatabase, type StoreDb } from '../../proxy/store';
import { loadCases } from '../sim/routes';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * Sentiment, price consensus and the OHLCV dataset routes, in-process over a real engine pointed
 * at the loopback simulator.
 */

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
/**
 * BUILT BY THIS TEST, not a recording: a /rows answer in the documented shape
 * (https://huggingface.co/docs/dataset-viewer/rows), since no real recording of these datasets
 * exists yet (the provider is `verified: false`).
 */
const BUILT_ROWS = {
  features: [],
  rows: Array.from({ length: 5 }, (_, i) => ({
    row_idx: i,
    row: { timestamp: new Date(T0 + i * HOUR).toISOString().replace('T', ' ').slice(0, 19), open: 42_000 + i, high: 42_100 + i, low: 41_900 + i, close: 42_050 + i, volume: 10 + i },
    truncated_cells: [],
  })),
  num_rows_total: 5,
  num_rows_per_page: 100,
  partial: false,
};

let sim: Simulator;
let engine: Engine;
let app: ReturnType<typeof createApp>;
let dir: string;
let db: StoreDb;
let eventLog: EventLog;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-market-'));
  const built = join(dir, 'hf-rows-built-by-test.json');
  writeFileSync(built, JSON.stringify(BUILT_ROWS));
  const cases = new Map<string, readonly FixtureCase[]>(await loadCases());
  cases.set('hf-datasets', [{ capability: 'ohlcv', fixture: pathToFileURL(built).href, params: { symbol: 'BTC', vs: 'USDT', interval: '1h', limit: 100 } }]);
  sim = await startSimulator({ providers: allProviders(), cases });
  engine = await createProxyEngine({ env: { CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }) } });
  db = openDatabase({ dataDir: dir });
  eventLog = new EventLog(engine, new Logs(db)).start();
  app = createApp({ startedAt: Date.now(), version: '0', engine, staticRoot: dir, rateLimit: { perMinute: 100_000 }, db, eventLog });
});

afterAll(async () => {
  eventLog.close();
  db.close();
  await engine.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(a: ReturnType<typeof createApp>, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await a.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('sentiment', () => {
  it('combines fear & greed, headlines and posts, each part with its source; a failed part says why', async () => {
    const { status, body } = await get(app, '/api/resources/sentiment/global');
    expect(status).toBe(200);
    const s = MarketSentiment.parse(body.data);
    expect(s.scope).toBe('global');
    const part = (k: string) => s.parts.find((p) => p.kind === k)!;
    expect(part('fearGreed')).toMatchObject({ ok: true, source: 'alternative-me', count: 1 });
    expect(part('fearGreed').index).toBeGreaterThanOrEqual(0);
    expect(part('news').ok).toBe(true);
    expect(part('news').source).toBeTruthy();
    expect(part('news').count).toBeGreaterThan(0);
    // The simulator holds no recording of the default community's posts: the part fails, with the engine's reason.
    expect(part('social')).toMatchObject({ ok: false, score: null, source: null });
    expect(part('social').error).toMatch(/reddit/);
    expect(s.score).not.toBeNull();
    expect(body.source).toContain('alternative-me');
  });

  it("a coin's sentiment keeps only what mentions it and says so when nothing does", async () => {
    const { status, body } = await get(app, '/api/resources/sentiment/coin/zzz');
    expect(status).toBe(200);
    const s = MarketSentiment.parse(body.data);
    expect(s).toMatchObject({ scope: 'coin', symbol: 'ZZZ' });
    const news = s.parts.find((p) => p.kind === 'news')!;
    expect(news.ok).toBe(false);
    expect(news.error).toMatch(/no recent headline mentions ZZZ/);
    expect(news.source).toBeTruthy();
  });

  it('refuses a bad symbol with a 400', async () => {
    const r = await get(app, '/api/resources/sentiment/coin/B-T-C');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/symbol/);
  });
});

describe('price consensus', () => {
  // Three providers whose BTC recordings agree within 0.1 %, so only an injected fault deviates.
  const members = ['coinbase', 'coinlore', 'coinpaprika'] as const;
  let local: ReturnType<typeof createApp>;
  let small: Engine;
  let localDb: StoreDb;
  let localLog: EventLog;
  let localDir: string;

  beforeAll(async () => {
    const providers = withBaseUrls(members.map((id) => PROVIDERS[id]), parseBaseUrlOverrides(JSON.stringify({ '*': `${sim.url}/{id}` })));
    const symbols = new SymbolMap();
    small = await Engine.create({ providers, ports: { clock: systemClock, random: systemRandom, transport: fetchTransport, store: new MemoryStore(), secrets: noSecrets }, symbolId: (p, s) => symbols.resolve(p, s) });
    localDir = mkdtempSync(join(tmpdir(), 'cm-consensus-'));
    localDb = openDatabase({ dataDir: localDir });
    localLog = new EventLog(small, new Logs(localDb)).start();
    local = createApp({ startedAt: Date.now(), version: '0', engine: small, staticRoot: localDir, rateLimit: { perMinute: 100_000 }, db: localDb, eventLog: localLog });
  });

  afterAll(async () => {
    sim.clearFaults();
    localLog.close();
    localDb.close();
    await small.close();
    rmSync(localDir, { recursive: true, force: true });
  });

  it('answers the median and spread across providers, each quote listed', async () => {
    const { status, body } = await get(local, '/api/resources/market/consensus/btc?k=3');
    expect(status).toBe(200);
    const c = PriceConsensus.parse(body.data);
    expect(c.quotes.map((q) => q.provider).sort(), JSON.stringify(c.failed)).toEqual([...members]);
    expect(c.demoted).toEqual([]);
    expect(c.median).toBeGreaterThan(80_000);
    expect(c.min).toBeLessThanOrEqual(c.median);
    expect(c.max).toBeGreaterThanOrEqual(c.median);
    expect(c.spreadPct).toBeLessThan(1);
  });

  it('demotes a provider with absurd prices and logs the deviation as a warning', async () => {
    sim.setFault('coinpaprika', { kind: 'absurd' });
    const { status, body } = await get(local, '/api/resources/market/consensus/BTC?k=3');
    expect(status).toBe(200);
    const c = PriceConsensus.parse(body.data);
    expect(c.demoted, JSON.stringify(c)).toEqual(['coinpaprika']);
    expect(c.quotes.find((q) => q.provider === 'coinpaprika')).toMatchObject({ outlier: true });
    expect(c.max).toBeLessThan(100_000);
    // Demoted: a sanity failure on its price endpoint.
    const detail = await get(local, '/api/providers/coinpaprika');
    const endpoint = (detail.body.endpoints as Array<{ capability: string; failuresByKind: Record<string, number> }>).find((e) => e.capability === 'price');
    expect(endpoint?.failuresByKind.sanity).toBe(1);
    const logs = await get(local, '/api/logs?kind=deviation');
    const rows = logs.body.logs as Array<{ level: string; provider: string; message: string }>;
    expect(rows[0]).toMatchObject({ level: 'warn', provider: 'coinpaprika' });
    expect(rows[0]!.message).toMatch(/deviates/);
  });

  it('takes a provider that keeps deviating out of the price rotation', async () => {
    // Three deviating rounds in a row open its price endpoint (two more after the previous test;
    // a few spare rounds in case a limiter keeps one of the three out of a round under load).
    const priceState = async () => ((await get(local, '/api/providers/coinpaprika')).body.endpoints as Array<{ capability: string; state: string }>).find((e) => e.capability === 'price')?.state;
    for (let i = 0; i < 5 && (await priceState()) !== 'open'; i++) expect((await get(local, '/api/resources/market/consensus/BTC?k=3')).status).toBe(200);
    expect(await priceState()).toBe('open');
    const logs = (await get(local, '/api/logs?kind=deviation')).body.logs as unknown[];
    expect(logs.length).toBeGreaterThanOrEqual(3);
    const { body } = await get(local, '/api/resources/market/consensus/BTC?k=3');
    const c = PriceConsensus.parse(body.data);
    expect(c.quotes.map((q) => q.provider).sort()).toEqual(['coinbase', 'coinlore']);
    expect(c.demoted).toEqual([]);
  });

  it('refuses bad k, threshold and vs with a 400', async () => {
    for (const q of ['k=1', 'k=99', 'k=two', 'threshold=0', 'vs=U$D']) {
      const r = await get(local, `/api/resources/market/consensus/BTC?${q}`);
      expect(r.status, q).toBe(400);
      expect(typeof r.body.error).toBe('string');
    }
  });
});

describe('OHLCV datasets', () => {
  it('falls back to the exchanges when the dataset provider faults, saying why', async () => {
    sim.setFault('hf-datasets', { kind: 'server_error' });
    const { status, body } = await get(app, '/api/resources/hf/ohlcv?symbol=BTC&timeframe=1h&limit=3');
    sim.clearFaults('hf-datasets');
    expect(status).toBe(200);
    const d = HfOhlcv.parse(body.data);
    expect(d.origin).toBe('exchange');
    expect(d.dataset).toBeNull();
    expect(d.fallbackReason).toMatch(/the dataset failed/);
    expect(body.source).not.toBe('hf-datasets');
    expect(d.candles.length).toBeGreaterThan(0);
  });

  it('serves candles from the dataset rows, ascending, the last `limit`', async () => {
    const { status, body } = await get(app, '/api/resources/hf/ohlcv?symbol=btc&timeframe=1h&limit=2');
    expect(status).toBe(200);
    const d = HfOhlcv.parse(body.data);
    expect(d).toMatchObject({ origin: 'dataset', dataset: 'WinkingFace/CryptoLM-Bitcoin-BTC-USDT', fallbackReason: null });
    expect(body.source).toBe('hf-datasets');
    // The simulator moves recorded times up to now; the spacing and values stay.
    expect(d.candles.map(({ o, h, l, c, v }) => ({ o, h, l, c, v }))).toEqual([
      { o: 42_003, h: 42_103, l: 41_903, c: 42_053, v: 13 },
      { o: 42_004, h: 42_104, l: 41_904, c: 42_054, v: 14 },
    ]);
    expect(d.candles[1]!.t - d.candles[0]!.t).toBe(HOUR);
  });

  it('a coin no dataset holds comes from the exchanges, labelled', async () => {
    const { status, body } = await get(app, '/api/resources/hf/ohlcv?symbol=BTC&timeframe=1m&limit=2');
    expect(status).toBe(200);
    const d = HfOhlcv.parse(body.data);
    expect(d.origin).toBe('exchange');
    expect(d.fallbackReason).toMatch(/no dataset holds BTC 1m/);
  });

  it('lists the symbols and timeframes the datasets hold, else the exchanges’, labelled', async () => {
    const symbols = await get(app, '/api/resources/hf/symbols');
    expect(symbols.status).toBe(200);
    expect(symbols.body.origin).toBe('dataset');
    expect((symbols.body.symbols as Array<{ symbol: string }>).map((s) => s.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'XRP']);
    expect((await get(app, '/api/resources/hf/timeframes/eth')).body).toEqual({ symbol: 'ETH', origin: 'dataset', timeframes: ['1h'], fallbackReason: null });
    const other = await get(app, '/api/resources/hf/timeframes/DOGE');
    expect(other.body).toMatchObject({ symbol: 'DOGE', origin: 'exchange' });
    expect(other.body.timeframes).toContain('1d');
    expect(other.body.fallbackReason).toMatch(/no dataset holds DOGE/);
  });

  it('refuses bad input with a 400', async () => {
    for (const path of ['/api/resources/hf/ohlcv', '/api/resources/hf/ohlcv?symbol=BTC&timeframe=2h', '/api/resources/hf/ohlcv?symbol=BTC&limit=0', '/api/resources/hf/ohlcv?symbol=B%20TC', '/api/resources/hf/timeframes/B-TC']) {
      const r = await get(app, path);
      expect(r.status, path).toBe(400);
      expect(typeof r.body.error).toBe('string');
    }
  });
});
