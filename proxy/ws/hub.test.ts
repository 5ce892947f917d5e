import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../shared/engine/ports';
import { CLOSE, Hub, type HubOptions } from './hub';
import { FakeConnection } from './testing';

function setup(options: Partial<HubOptions> = {}) {
	const clock = new FakeClock();
	let seq = 0;
	const hub = new Hub({ clock, newId: () => `s${++seq}`, ...options });
	const join = (info: Parameters<Hub['connect']>[1] = {}) => {
		const conn = new FakeConnection();
		return { conn, session: hub.connect(conn, info) };
	};
	return { clock, hub, join };
}

const send = (hub: Hub, session: ReturnType<Hub['connect']>, message: object) => hub.receive(session, JSON.stringify(message));

afterEach(() => vi.restoreAllMocks());

describe('Hub sessions', () => {
	it('greets a session with its id and the groups on offer', () => {
		const { join } = setup();
		const { conn } = join({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' });
		expect(conn.of('welcome')).toEqual([
			expect.objectContaining({ session_id: 's1', groups: ['market', 'prices', 'news', 'sentiment', 'alerts', 'providers', 'all'], subscribed: [], heartbeat_ms: 10_000 })
		]);
	});

	it('records id, client type, connect time, user agent and path', () => {
		const { hub, join, clock } = setup();
		join({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)', path: '/ws/news', subscribe: ['news'] });
		join({ userAgent: 'python-requests/2.31' });
		join({ userAgent: 'Mozilla/5.0', clientType: 'api' });
		expect(hub.sessions()).toEqual([
			expect.objectContaining({ id: 's1', client_type: 'mobile', connected_at: clock.now(), path: '/ws/news', groups: ['news'] }),
			expect.objectContaining({ id: 's2', client_type: 'bot', user_agent: 'python-requests/2.31', path: '/ws' }),
			expect.objectContaining({ id: 's3', client_type: 'api' })
		]);
	});

	it('an alias path pre-subscribes its group and says so', () => {
		const { join, hub } = setup();
		const { conn } = join({ path: '/ws/market_data', subscribe: ['market'] });
		expect(conn.of('welcome')[0]?.subscribed).toEqual(['market']);
		expect(conn.of('subscribed')).toEqual([{ type: 'subscribed', group: 'market' }]);
		expect(hub.stats().groups.market).toBe(1);
	});

	it('counts group members as sessions subscribe, unsubscribe and leave', () => {
		const { hub, join } = setup();
		const a = join();
		const b = join();
		send(hub, a.session, { type: 'subscribe', group: 'prices' });
		send(hub, b.session, { type: 'subscribe', group: 'prices' });
		send(hub, b.session, { type: 'subscribe', group: 'prices' }); // a repeat changes nothing
		send(hub, b.session, { type: 'subscribe', group: 'news' });
		expect(hub.stats().groups).toMatchObject({ prices: 2, news: 1, market: 0 });
		send(hub, a.session, { type: 'unsubscribe', group: 'prices' });
		expect(a.conn.of('unsubscribed')).toEqual([{ type: 'unsubscribed', group: 'prices' }]);
		expect(hub.stats().groups).toMatchObject({ prices: 1, news: 1 });
		hub.disconnect(b.session);
		expect(hub.stats()).toMatchObject({ sessions: 1, total_sessions: 2, groups: { prices: 0, news: 0 } });
	});

	it('answers ping with pong and get_stats with the counts', () => {
		const { hub, join, clock } = setup();
		const { conn, session } = join();
		send(hub, session, { type: 'subscribe', group: 'alerts' });
		send(hub, session, { type: 'ping' });
		send(hub, session, { type: 'get_stats' });
		expect(conn.of('pong')).toEqual([{ type: 'pong', ts: clock.now() }]);
		expect(conn.of('stats_response')[0]).toMatchObject({ sessions: 1, messages_received: 3, groups: { alerts: 1 } });
	});
});

describe('Hub bad input', () => {
	const cases: Array<[string, string, RegExp]> = [
		['bad JSON', '{"type": "subscribe", ', /invalid JSON/],
		['a JSON array', '[1,2]', /JSON object/],
		['an unknown type', '{"type":"hello"}', /unknown message type 'hello'/],
		['no type', '{"group":"news"}', /unknown message type \(missing\)/],
		['an unknown group', '{"type":"subscribe","group":"weather"}', /unknown group 'weather'; groups: market, prices/],
		['a missing group', '{"type":"unsubscribe"}', /unknown group \(missing\)/]
	];
	for (const [what, text, error] of cases) {
		it(`answers ${what} with an error and keeps the connection`, () => {
			const { hub, join } = setup();
			const { conn, session } = join();
			hub.receive(session, text);
			expect(conn.of('error')).toEqual([{ type: 'error', message: expect.stringMatching(error) }]);
			expect(conn.isOpen).toBe(true);
			hub.receive(session, '{"type":"ping"}');
			expect(conn.of('pong')).toHaveLength(1);
		});
	}

	it('refuses a message over the size limit without parsing it, and stays open', () => {
		const { hub, join } = setup({ maxMessageBytes: 1024 });
		const { conn, session } = join();
		const parse = vi.spyOn(JSON, 'parse');
		hub.receive(session, JSON.stringify({ type: 'subscribe', group: 'news', pad: 'x'.repeat(2000) }));
		expect(parse).not.toHaveBeenCalled();
		expect(conn.of('error')[0]?.message).toMatch(/message too large: \d+ bytes; the limit is 1024/);
		expect(conn.isOpen).toBe(true);
	});

	it('counts bytes, not characters, against the limit', () => {
		const { hub, join } = setup({ maxMessageBytes: 100 });
		const { conn, session } = join();
		hub.receive(session, new TextEncoder().encode(`{"type":"ping","x":"${'é'.repeat(45)}"}`)); // 45 chars, 90 bytes, plus the JSON around
		expect(conn.of('error')[0]?.message).toMatch(/too large/);
	});

	it('closes a session that keeps sending bad messages (1008)', () => {
		const { hub, join } = setup({ maxErrorsPerMinute: 5 });
		const { conn, session } = join();
		for (let i = 0; i < 6; i++) hub.receive(session, 'nope');
		expect(conn.of('error')).toHaveLength(5);
		expect(conn.closed?.code).toBe(CLOSE.policy);
		expect(hub.stats().sessions).toBe(0);
	});

	it('forgives bad messages spread over minutes', async () => {
		const { hub, join, clock } = setup({ maxErrorsPerMinute: 5, idleTimeoutMs: 10 * 60_000 });
		const { conn, session } = join();
		for (let i = 0; i < 12; i++) {
			hub.receive(session, 'nope');
			await clock.advance(15_000);
		}
		expect(conn.isOpen).toBe(true);
	});
});

describe('Hub fan-out', () => {
	it('serialises a message once for all its receivers and sends each the same text', () => {
		const { hub, join } = setup();
		const peers = Array.from({ length: 1_000 }, () => join());
		for (const p of peers) hub.subscribe(p.session, 'prices');
		const stringify = vi.spyOn(JSON, 'stringify');
		const count = hub.publish('prices', { type: 'alert', kind: 'test', message: 'hello', ts: 1 });
		expect(count).toBe(1_000);
		expect(stringify).toHaveBeenCalledTimes(1);
		const texts = new Set(peers.map((p) => p.conn.sent.at(-1)));
		expect(texts.size).toBe(1);
	});

	it('delivers a group to its members and to `all`, once each', () => {
		const { hub, join } = setup();
		const news = join({ subscribe: ['news'] });
		const all = join({ subscribe: ['all'] });
		const both = join({ subscribe: ['all', 'news'] });
		const other = join({ subscribe: ['prices'] });
		hub.publish('news', { type: 'alert', kind: 'k', message: 'm', ts: 1 });
		expect([news, all, both, other].map((p) => p.conn.of('alert').length)).toEqual([1, 1, 1, 0]);
	});

	it('broadcast to `all` reaches every session; to a group, its receivers', () => {
		const { hub, join } = setup();
		const a = join({ subscribe: ['news'] });
		const b = join();
		expect(hub.broadcast('all', { note: 'maintenance' })).toBe(2);
		expect(hub.broadcast('news', { note: 'breaking' })).toBe(1);
		expect(a.conn.of('broadcast').map((m) => m.data)).toEqual([{ note: 'maintenance' }, { note: 'breaking' }]);
		expect(b.conn.of('broadcast')).toHaveLength(1);
	});

	it('drops a slow client with 1013 instead of buffering for it', () => {
		const { hub, join } = setup({ maxBufferedBytes: 10_000 });
		const fast = join({ subscribe: ['prices'] });
		const slow = join({ subscribe: ['prices'] });
		slow.conn.bufferedAmount = 9_990;
		const before = slow.conn.sent.length;
		hub.publish('prices', { type: 'alert', kind: 'k', message: 'x'.repeat(100), ts: 1 });
		expect(slow.conn.sent.length).toBe(before);
		expect(slow.conn.closed?.code).toBe(CLOSE.tryAgainLater);
		expect(fast.conn.of('alert')).toHaveLength(1);
		expect(hub.stats()).toMatchObject({ sessions: 1, dropped_slow: 1, groups: { prices: 1 } });
		hub.publish('prices', { type: 'alert', kind: 'k', message: 'again', ts: 2 });
		expect(slow.conn.sent.length).toBe(before);
	});
});

describe('Hub heartbeat', () => {
	it('sends a heartbeat every 10 s with a transport ping', async () => {
		const { join, clock } = setup();
		const { conn } = join();
		await clock.advance(10_000);
		expect(conn.of('heartbeat')).toEqual([{ type: 'heartbeat', ts: clock.now() }]);
		await clock.advance(10_000);
		expect(conn.of('heartbeat')).toHaveLength(2);
		expect(conn.pings).toBe(2);
	});

	it('terminates a peer silent for 30 s and keeps one that answers', async () => {
		const { hub, join, clock } = setup();
		const silent = join({ subscribe: ['prices'] });
		const talking = join();
		const answering = join();
		for (let t = 0; t < 6; t++) {
			await clock.advance(5_000);
			hub.receive(talking.session, '{"type":"ping"}');
			hub.alive(answering.session); // a transport pong
		}
		expect(silent.conn.terminated).toBe(true);
		expect(talking.conn.isOpen && answering.conn.isOpen).toBe(true);
		expect(hub.stats()).toMatchObject({ sessions: 2, evicted: 1, groups: { prices: 0 } });
	});

	it('runs no timer while nobody is connected', async () => {
		const { hub, join, clock } = setup();
		const { session } = join();
		expect(clock.pendingTimers).toBe(1);
		hub.disconnect(session);
		expect(clock.pendingTimers).toBe(0);
	});
});

describe('Hub activity', () => {
	it('reports a group active with its first receiver and idle after its last', () => {
		const { hub, join } = setup();
		const seen: string[] = [];
		hub.onActivity((g, active) => seen.push(`${g}:${active ? 'on' : 'off'}`));
		const a = join({ subscribe: ['news'] });
		const b = join({ subscribe: ['news'] });
		hub.unsubscribe(a.session, 'news');
		hub.disconnect(b.session);
		expect(seen).toEqual(['news:on', 'news:off']);
	});

	it('`all` makes every feed group active', () => {
		const { hub, join } = setup();
		const seen: string[] = [];
		hub.onActivity((g, active) => active && seen.push(g));
		join({ subscribe: ['all'] });
		expect(seen.sort()).toEqual(['alerts', 'market', 'news', 'prices', 'providers', 'sentiment']);
	});
});
