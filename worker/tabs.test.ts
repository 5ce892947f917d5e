import { afterEach, describe, expect, it } from 'vitest';
import { ok, type Result } from '../shared/api/monitor';
import { TabLink, type Handler } from './tabs';
import { MemoryLocks } from './testing/memory-locks';

let channelSeq = 0;
const links: TabLink[] = [];
afterEach(() => {
	for (const l of links.splice(0)) l.close();
});

const until = async (cond: () => boolean, ms = 2_000): Promise<void> => {
	const end = Date.now() + ms;
	while (!cond()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 5));
	}
};

interface Tab {
	link: TabLink;
	builds: () => number;
	hang: Set<string>;
}

function world() {
	const locks = new MemoryLocks();
	const name = `tabs-test-${++channelSeq}-${Math.random()}`;
	let built = 0;
	const tab = (label: string, timeoutMs = 5_000): Tab => {
		const hang = new Set<string>();
		let mine = 0;
		const handler: Handler = async (method, args) => {
			if (hang.has(method)) return new Promise<Result<unknown>>(() => undefined);
			return ok({ answeredBy: label, method, args });
		};
		const link = new TabLink({
			locks,
			channel: new BroadcastChannel(name),
			tabId: label,
			timeoutMs,
			lead: async () => {
				built++;
				mine++;
				return handler;
			},
		});
		links.push(link);
		return { link, builds: () => mine, hang };
	};
	return { tab, built: () => built };
}

describe('TabLink', () => {
	it('two tabs build one engine: the first leads, the second follows', async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B');
		expect(await a.link.start()).toEqual({ leader: true });
		expect(await b.link.start()).toEqual({ leader: false });
		expect(w.built()).toBe(1);
		expect(a.link.isLeader).toBe(true);
		expect(b.link.isLeader).toBe(false);
	});

	it("a follower's call is answered by the leader, with its arguments intact", async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B');
		await a.link.start();
		await b.link.start();
		expect(await b.link.call('data', ['price', { symbols: ['BTC'] }])).toEqual(ok({ answeredBy: 'A', method: 'data', args: ['price', { symbols: ['BTC'] }] }));
		expect(await a.link.call('status', [])).toEqual(ok({ answeredBy: 'A', method: 'status', args: [] }));
		expect(b.builds()).toBe(0);
	});

	it('when the leader goes, a follower takes over, builds the engine and answers', async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B');
		await a.link.start();
		await b.link.start();
		a.link.close();
		await until(() => b.link.isLeader);
		expect(w.built()).toBe(2);
		expect(b.builds()).toBe(1);
		expect(await b.link.call('status', [])).toEqual(ok({ answeredBy: 'B', method: 'status', args: [] }));
	});

	it('a call the old leader never answered is answered by the new one', async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B');
		const c = w.tab('C');
		a.hang.add('data');
		await a.link.start();
		await b.link.start();
		await c.link.start();
		const fromB = b.link.call('data', ['news', {}]);
		const fromC = c.link.call('data', ['gas', {}]);
		await new Promise((r) => setTimeout(r, 30));
		a.link.close();
		const [rb, rc] = await Promise.all([fromB, fromC]);
		// B was next in line for the lock: it leads and answers both (its own call locally, C's over the channel).
		expect(rb).toEqual(ok({ answeredBy: 'B', method: 'data', args: ['news', {}] }));
		expect(rc).toEqual(ok({ answeredBy: 'B', method: 'data', args: ['gas', {}] }));
		expect(w.built()).toBe(2);
		expect(c.builds()).toBe(0);
	});

	it('a call with no answer in time resolves to tab_timeout', async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B', 80);
		a.hang.add('data');
		await a.link.start();
		await b.link.start();
		const r = await b.link.call('data', ['price', {}]);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.code).toBe('tab_timeout');
	});

	it('a call that cannot be cloned fails cleanly instead of throwing', async () => {
		const w = world();
		const a = w.tab('A');
		const b = w.tab('B');
		await a.link.start();
		await b.link.start();
		const r = await b.link.call('data', [() => 1]);
		expect(r.ok).toBe(false);
	});

	it('a leader whose engine cannot be built lets the lock go to the next tab', async () => {
		const locks = new MemoryLocks();
		const name = `tabs-fail-${Math.random()}`;
		const broken = new TabLink({ locks, channel: new BroadcastChannel(name), tabId: 'X', lead: () => Promise.reject(new Error('no IndexedDB')) });
		links.push(broken);
		expect(await broken.start()).toEqual({ leader: false });
		const r = await broken.call('status', []);
		expect(r.ok === false && r.code).toBe('engine_failed');
		const next = new TabLink({ locks, channel: new BroadcastChannel(name), tabId: 'Y', lead: async () => async () => ok('Y') });
		links.push(next);
		expect(await next.start()).toEqual({ leader: true });
	});
});
