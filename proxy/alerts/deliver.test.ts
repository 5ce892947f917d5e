import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/alerts';
import { systemLookup } from '../relay/fetch';
import { Delivery } from './deliver';

/** A loopback push service / webhook receiver answering each request with the next queued status. */
let server: Server;
let base = '';
const got: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
const statuses: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 201);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => server.close());

const alert: Alert = { id: 'r1-1', ruleId: 'r1', kind: 'price-above', message: 'BTC rose above 100 USD: 101 USD', value: 101, threshold: 100, ts: 1, source: 'sim' };
const loopback = { lookup: systemLookup, allowPrivateForTests: ['127.0.0.1'] };
const b64url = (b: Buffer): string => b.toString('base64url');

describe('Delivery', () => {
  it('sends Web Push as an aes128gcm payload the subscriber can decrypt, with VAPID authorization', async () => {
    got.length = 0;
    // The browser's side of a subscription: a P-256 key pair and a 16-byte auth secret.
    const ua = createECDH('prime256v1');
    ua.generateKeys();
    const auth = randomBytes(16);
    const vapid = webPush.generateVAPIDKeys();
    const sub = { endpoint: `${base}/push/abc`, keys: { p256dh: b64url(ua.getPublicKey()), auth: b64url(auth) } };
    const outcome = await new Delivery({ guard: loopback }).push(sub, alert, vapid, 'mailto:ops@example.com');
    expect(outcome).toBe('delivered');
    expect(got).toHaveLength(1);
    const req = got[0]!;
    expect(req.path).toBe('/push/abc');
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect(Number(req.headers.ttl)).toBe(3600);

    // VAPID (RFC 8292): "vapid t=<JWT>, k=<public key>", the JWT's audience is the push service's origin.
    const authz = String(req.headers.authorization);
    const m = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authz);
    expect(m, authz).not.toBeNull();
    const claims = JSON.parse(Buffer.from(m![2]!, 'base64url').toString()) as { aud: string; sub: string; exp: number };
    expect(claims).toMatchObject({ aud: base, sub: 'mailto:ops@example.com' });
    expect(m![4]).toBe(vapid.publicKey);

    // aes128gcm (RFC 8188/8291): salt(16) | rs(4) | idlen(1) | keyid = the sender's public key (65).
    const body = req.body;
    const salt = body.subarray(0, 16);
    expect(body.readUInt32BE(16)).toBe(4096);
    expect(body[20]).toBe(65);
    const senderPublic = body.subarray(21, 86);
    expect(senderPublic[0]).toBe(4);
    const secret = ua.computeSecret(senderPublic);
    const ikm = Buffer.from(hkdfSync('sha256', secret, auth, Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), senderPublic]), 32));
    const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const record = body.subarray(86);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    const text = plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ title: 'Crypto Monitor', body: alert.message, alert: { ruleId: 'r1' } });
  });

  it('reports a subscription the push service dropped (410) as gone', async () => {
    statuses.push(410);
    const ua = createECDH('prime256v1');
    ua.generateKeys();
    const sub = { endpoint: `${base}/push/old`, keys: { p256dh: b64url(ua.getPublicKey()), auth: b64url(randomBytes(16)) } };
    expect(await new Delivery({ guard: loopback }).push(sub, alert, webPush.generateVAPIDKeys(), 'mailto:a@b.c')).toBe('gone');
  });

  it('retries a webhook on 5xx with backoff, then stops at the first success', async () => {
    got.length = 0;
    statuses.push(503, 502);
    const waits: number[] = [];
    const d = new Delivery({ guard: loopback, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(await d.webhook({ id: 'h', url: `${base}/hook`, secret: null, createdAt: 0 }, alert)).toBe('delivered');
    expect(got).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
    expect(got[0]?.headers['x-crypto-monitor-signature']).toBeUndefined();
  });

  it('gives up after the attempts, and never reaches a private address without the test override', async () => {
    got.length = 0;
    statuses.push(500, 500, 500);
    const d = new Delivery({ guard: loopback, sleep: async () => {} });
    expect(await d.webhook({ id: 'h', url: `${base}/hook`, secret: null, createdAt: 0 }, alert)).toBe('failed: HTTP 500');
    expect(got).toHaveLength(3);
    got.length = 0;
    const guarded = new Delivery({ guard: { lookup: systemLookup }, sleep: async () => {} });
    expect(await guarded.webhook({ id: 'h', url: `${base}/hook`, secret: null, createdAt: 0 }, alert)).toMatch(/^failed: refused/);
    expect(got).toHaveLength(0);
  });
});
