import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { allProviders } from '../../shared/catalog/registry';
import type { RunningServer } from '../../proxy/server';
import { startProxyOnSim } from '../sim/proxy';
import { startSimulator, type Simulator } from '../sim/server';

/**
 * The proxy's alerting end to end: a BTC price-above rule against the simulator, whose CoinGecko
 * price is moved by the test (`setAnswer`: a response BUILT BY THIS TEST in CoinGecko's documented
 * /simple/price shape, not a recording). Every other provider answers 503 so the price comes from
 * that answer. Deliveries go to a loopback webhook receiver and a loopback Telegram Bot API.
 */

const TOKEN = 'alerts-admin-token';
const BOT_TOKEN = '123456:alerts-test-bot-token-SECRET';
const SECRET = 'webhook-hmac-secret-0123456789';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback HTTP server recording every request, answering with `answer(path)`. */
async function receiver(answer: (path: string, body: string) => unknown): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      got.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(req.url ?? '', body)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, got };
}

let sim: Simulator;
let proxy: RunningServer;
let hook: Awaited<ReturnType<typeof receiver>>;
let telegram: Awaited<ReturnType<typeof receiver>>;
let dataDir: string;
const consoleText: string[] = [];

const btcAt = (usd: number) => sim.setAnswer('coingecko', '/simple/price', { bitcoin: { usd, usd_24h_change: 1.5, last_updated_at: Math.floor(Date.now() / 1000) } });
const until = async (done: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return done();
};
const api = async (method: string, path: string, body?: unknown, admin = true) => {
  const res = await fetch(`${proxy.url}${path}`, {
    method,
    headers: { ...(admin ? { authorization: `Bearer ${TOKEN}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

let staticRoot: string;

/** The proxy on the test's data folder (a second call is a restart on the same database). */
const startProxy = () =>
  startProxyOnSim(sim, {
    dataDir,
    staticRoot,
    env: {
      CM_ADMIN_TOKEN: TOKEN,
      CM_RATE_LIMIT_PER_MIN: '100000',
      CM_RELAY_ALLOW_LOOPBACK: '1',
      CM_ALERTS_POLL_MS: '1000',
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_CHAT_ID: '42',
      TELEGRAM_API_BASE: telegram.url,
    },
  });

beforeAll(async () => {
  sim = await startSimulator({ providers: allProviders() });
  hook = await receiver(() => ({ received: true }));
  // The Bot API's documented answer to sendMessage: {ok: true, result: Message}.
  telegram = await receiver((_path, body) => ({ ok: true, result: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 42, type: 'private' }, text: (JSON.parse(body) as { text: string }).text } }));
  dataDir = mkdtempSync(join(tmpdir(), 'cm-alerts-'));
  staticRoot = mkdtempSync(join(tmpdir(), 'cm-alerts-static-'));
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><html><body>app</body></html>');
  // Only CoinGecko answers (a 0-rate fault overrides the '*' one), so the test's price is the price.
  sim.setFault('*', { kind: 'server_error' });
  sim.setFault('coingecko', { kind: 'slow', rate: 0 });
  btcAt(60_000);
  const origLog = console.warn;
  console.warn = (...args: unknown[]) => {
    consoleText.push(args.join(' '));
    origLog(...args);
  };
  proxy = await startProxy();
}, 30_000);

afterAll(async () => {
  await proxy?.close();
  await sim?.close();
  hook?.server.close();
  telegram?.server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('alerts through the proxy', () => {
  it('fires once per crossing to the webhook (signed), Telegram and the WS alerts group', async () => {
    const frames: string[] = [];
    const ws = new WebSocket(`${proxy.url.replace(/^http/, 'ws')}/ws`);
    ws.on('message', (d: Buffer) => frames.push(d.toString('utf8')));
    await new Promise<void>((r) => ws.once('open', () => r()));
    ws.send(JSON.stringify({ type: 'subscribe', group: 'alerts' }));

    const created = await api('POST', '/api/alerts/webhooks', { url: `${hook.url}/hook`, secret: SECRET });
    expect(created.status, created.text).toBe(201);
    expect(created.text).not.toContain(SECRET);
    expect(JSON.parse(created.text)).toMatchObject({ url: `${hook.url}/hook`, signed: true });

    const rule = await api('POST', '/api/alerts/rules', { kind: 'price-above', symbol: 'BTC', threshold: 65_000, debounceMinutes: 0 });
    expect(rule.status, rule.text).toBe(201);
    const ruleId = (JSON.parse(rule.text) as { id: string }).id;

    // Under the line for a few rounds: nothing fires.
    sim.resetCounts();
    await until(() => sim.requests('coingecko') >= 2, 8_000);
    expect(hook.got).toHaveLength(0);

    // The crossing.
    btcAt(66_000);
    expect(await until(() => hook.got.length >= 1 && telegram.got.length >= 1, 10_000)).toBe(true);
    // Jitter inside the hysteresis band (0.5 % of 65,000 = 325) and further rounds above: no second firing.
    btcAt(64_900);
    sim.resetCounts();
    await until(() => sim.requests('coingecko') >= 2, 8_000);
    btcAt(65_100);
    sim.resetCounts();
    await until(() => sim.requests('coingecko') >= 2, 8_000);
    await new Promise((r) => setTimeout(r, 300));

    expect(hook.got).toHaveLength(1);
    const post = hook.got[0] as Received;
    expect(post.path).toBe('/hook');
    expect(post.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(post.body) as { type: string; alert: { ruleId: string; kind: string; value: number; threshold: number; source: string; message: string } };
    expect(payload).toMatchObject({ type: 'alert', alert: { ruleId, kind: 'price-above', value: 66_000, threshold: 65_000, source: 'coingecko' } });
    expect(payload.alert.message).toContain('BTC rose above 65,000 USD');
    expect(post.headers['x-crypto-monitor-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex')}`);

    expect(telegram.got).toHaveLength(1);
    expect(telegram.got[0]?.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(JSON.parse(telegram.got[0]?.body ?? '{}')).toMatchObject({ chat_id: '42', text: expect.stringContaining('BTC rose above 65,000 USD') as unknown });

    const wsAlerts = frames.map((f) => JSON.parse(f) as { type: string; alert?: { ruleId: string } }).filter((m) => m.type === 'alert' && m.alert);
    expect(wsAlerts).toHaveLength(1);
    expect(wsAlerts[0]?.alert?.ruleId).toBe(ruleId);
    ws.close();

    const recent = JSON.parse((await api('GET', '/api/alerts', undefined, false)).text) as { alerts: unknown[]; total: number };
    expect(recent.total).toBe(1);

    // Secrets never come back out.
    for (const path of ['/api/alerts/webhooks', '/api/alerts/rules', '/api/alerts', '/api/alerts/push/key']) {
      const r = await api('GET', path, undefined, false);
      expect(r.status).toBe(200);
      expect(r.text).not.toContain(SECRET);
      expect(r.text).not.toContain(BOT_TOKEN);
      expect(r.text).not.toContain('privateKey');
    }
    expect(consoleText.join('\n')).not.toContain(BOT_TOKEN);
  }, 60_000);

  it('does not send the same alert again after a restart while the price is still above', async () => {
    // BTC is still at 65,100: above the line, inside the re-arm band. The restarted proxy reads when
    // the rule last fired and waits for a retreat, as the first process would have.
    await proxy.close();
    proxy = await startProxy();
    sim.resetCounts();
    await until(() => sim.requests('coingecko') >= 3, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.got).toHaveLength(1);
    expect(telegram.got).toHaveLength(1);
    // A real retreat and a new crossing fire as before.
    btcAt(60_000);
    sim.resetCounts();
    await until(() => sim.requests('coingecko') >= 2, 8_000);
    btcAt(66_500);
    expect(await until(() => hook.got.length >= 2, 10_000)).toBe(true);
    expect(telegram.got).toHaveLength(2);
  }, 60_000);

  it('refuses bad rules and targets with a 400 and stores nothing', async () => {
    const before = (await api('GET', '/api/alerts/rules', undefined, false)).text;
    const bad = await api('POST', '/api/alerts/rules', { kind: 'price-above', symbol: 'BTC', threshold: 'high' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('threshold must be a number');
    expect((await api('POST', '/api/alerts/rules', { kind: 'percent-move', symbol: 'BTC', pct: 5 })).status).toBe(400);
    expect((await api('POST', '/api/alerts/webhooks', { url: 'ftp://example.com/x' })).status).toBe(400);
    expect((await api('POST', '/api/alerts/webhooks', { url: 'https://example.com/x', secret: 'short' })).status).toBe(400);
    expect((await api('POST', '/api/alerts/rules', { kind: 'price-below', symbol: 'BTC', threshold: 1 }, false)).status).toBe(401);
    expect((await api('DELETE', '/api/alerts/rules/nope')).status).toBe(404);
    expect((await api('GET', '/api/alerts/rules', undefined, false)).text).toBe(before);
  });
});
