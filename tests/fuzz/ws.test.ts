import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { GROUPS, ServerMessage } from '../../shared/api/ws';
import { startFuzzServer, type FuzzServer } from './server';

/**
 * Seeded random frames to the real WebSocket endpoint (startServer's hub): text, random JSON,
 * message-shaped objects with wrong types, oversized and binary frames. After each frame a `ping`
 * must still get a `pong`, or the session must have been closed cleanly (policy / too big), never
 * abnormally; every frame the server sends is a valid ServerMessage; the server stays up.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_701);
const FRAMES = Number(process.env.FUZZ_WS_FRAMES ?? 1_500);
/** Close codes a session may end with under abuse: policy (too many bad messages), message too big, try again later. */
const CLEAN_CLOSES = new Set([1008, 1009, 1013]);

const frame: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.json({ maxDepth: 4 }),
  fc
    .record({
      type: fc.oneof(fc.constantFrom('subscribe', 'unsubscribe', 'ping', 'get_stats', 'SUBSCRIBE', ''), fc.anything({ maxDepth: 2 })),
      group: fc.oneof(fc.constantFrom(...GROUPS, 'everything', ''), fc.anything({ maxDepth: 2 })),
    }, { requiredKeys: [] })
    .map((m) => JSON.stringify(m) ?? 'null'),
  fc.integer({ min: 16 * 1024, max: 300_000 }).map((n) => JSON.stringify({ type: 'subscribe', group: 'x'.repeat(n) })),
  fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
  fc.constantFrom('{"type":"subscribe","group":"prices"}', '{"type":"ping"}', '{"type":"get_stats"}', '{"type":"unsubscribe","group":"all"}', '{', '\u0000', '"ping"'),
);

interface Peer {
  ws: WebSocket;
  messages: unknown[];
  closed?: number;
  waiters: Array<() => void>;
}

function connect(url: string): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const peer: Peer = { ws, messages: [], waiters: [] };
    const wake = () => {
      for (const w of peer.waiters.splice(0)) w();
    };
    ws.on('message', (data: Buffer) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString('utf8'));
      } catch {
        parsed = { unparsable: data.toString('utf8').slice(0, 80) };
      }
      peer.messages.push(parsed);
      if (peer.messages.length === 1) resolve(peer);
      wake();
    });
    ws.on('close', (code: number) => {
      peer.closed = code;
      wake();
    });
    ws.on('error', (e) => {
      if (peer.messages.length === 0) reject(e);
    });
  });
}

/** Waits until the peer has a message after index `from` of type `type`, or closes. */
async function until(peer: Peer, from: number, type: string, ms = 5_000): Promise<'ok' | 'closed' | 'timeout'> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (peer.messages.slice(from).some((m) => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type)) return 'ok';
    if (peer.closed !== undefined) return 'closed';
    if (Date.now() > deadline) return 'timeout';
    await new Promise<void>((r) => {
      peer.waiters.push(r);
      setTimeout(r, 50);
    });
  }
}

let fz: FuzzServer;
beforeAll(async () => {
  fz = await startFuzzServer();
}, 30_000);
afterAll(async () => {
  await fz?.close();
});

describe('WebSocket fuzzing (seeded)', () => {
  it(`survives ${FRAMES} random frames: pong after each, clean closes only, valid server frames`, async () => {
    const url = `${fz.server.url.replace('http', 'ws')}/ws`;
    const frames = fc.sample(frame, { seed: SEED, numRuns: FRAMES });
    const problems: string[] = [];
    const peers: Peer[] = [];
    let peer = await connect(url);
    peers.push(peer);
    let cleanCloses = 0;
    for (const f of frames) {
      if (peer.closed !== undefined) {
        peer = await connect(url);
        peers.push(peer);
      }
      const from = peer.messages.length;
      peer.ws.send(f);
      if (peer.ws.readyState === WebSocket.OPEN) peer.ws.send('{"type":"ping"}');
      const result = await until(peer, from, 'pong');
      if (result === 'timeout') problems.push(`no pong and no close after ${String(f).slice(0, 60)}`);
      if (result === 'closed') {
        if (CLEAN_CLOSES.has(peer.closed ?? 0)) cleanCloses++;
        else problems.push(`closed with ${peer.closed} after ${String(f).slice(0, 60)}`);
      }
      if (problems.length > 5) break;
    }
    for (const p of peers) p.ws.close();
    const all = peers.flatMap((p) => p.messages);
    const invalid = all.filter((m) => !ServerMessage.safeParse(m).success);
    expect(problems).toEqual([]);
    expect(invalid.slice(0, 3)).toEqual([]);
    // Bad frames got errors, and a flood of them closed sessions cleanly.
    expect(all.filter((m) => (m as { type?: unknown }).type === 'error').length).toBeGreaterThan(FRAMES / 3);
    expect(cleanCloses).toBeGreaterThan(0);
    expect((await fetch(`${fz.server.url}/health`)).status).toBe(200);
    console.log(`WS fuzz: ${frames.length} frames, ${all.length} server frames, ${peers.length} sessions, ${cleanCloses} clean closes`);
  }, 120_000);
});
