import { describe, expect, it } from 'vitest';
import { GROUPS, parseClientMessage, ServerMessage, WS_PATHS } from './ws';

describe('client messages', () => {
  it('accepts the four message types', () => {
    for (const text of ['{"type":"subscribe","group":"prices"}', '{"type":"unsubscribe","group":"all"}', '{"type":"ping"}', '{"type":"get_stats"}']) {
      expect(parseClientMessage(text)).toEqual({ ok: true, message: JSON.parse(text) });
    }
  });

  it('says what is wrong: JSON, type, group', () => {
    expect(parseClientMessage('{')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON/) });
    expect(parseClientMessage('"ping"')).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(parseClientMessage('{"type":"sub"}')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown message type 'sub'; expected one of subscribe, unsubscribe, ping, get_stats/) });
    expect(parseClientMessage('{"type":"subscribe","group":"Prices"}')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown group 'Prices'/) });
  });

  it('cuts a long bad value short in the error', () => {
    const result = parseClientMessage(JSON.stringify({ type: 'x'.repeat(5_000) }));
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });
});

describe('server messages', () => {
  it('parse an update by its channel, data checked against the capability', () => {
    const update = { type: 'update', group: 'prices', channel: 'price', source: 'coingecko', ts: 1, stale: false };
    const quote = { symbol: 'BTC', vs: 'USD', price: 64_000, ts: 1 };
    const good = ServerMessage.safeParse({ ...update, data: [quote] });
    expect(good.error).toBeUndefined();
    expect(ServerMessage.safeParse({ ...update, data: [{ ...quote, price: -1 }] }).success).toBe(false);
    expect(ServerMessage.safeParse({ ...update, group: 'news', data: [quote] }).success).toBe(false);
  });

  it('parse the control messages', () => {
    for (const m of [
      { type: 'welcome', session_id: 'a', groups: [...GROUPS], subscribed: ['market'], heartbeat_ms: 10_000, max_message_bytes: 16_384 },
      { type: 'heartbeat', ts: 1 },
      { type: 'pong', ts: 1 },
      { type: 'error', message: 'unknown group' },
      { type: 'stats_response', ts: 1, sessions: 1, total_sessions: 1, messages_sent: 1, messages_received: 1, dropped_slow: 0, evicted: 0, groups: Object.fromEntries(GROUPS.map((g) => [g, 0])) },
    ]) {
      expect(ServerMessage.safeParse(m).error).toBeUndefined();
    }
  });

  it('every alias path pre-subscribes a real group', () => {
    for (const group of Object.values(WS_PATHS)) if (group) expect(GROUPS).toContain(group);
  });
});
