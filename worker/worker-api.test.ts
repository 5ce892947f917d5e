import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataAnswer, Result } from '../shared/api/monitor';
import { allProviders } from '../shared/catalog/registry';
import { startSimulator, type Simulator } from '../tests/sim/server';
import { requestKey } from './api';
import { openMonitorDb } from './idb/db';
import { MemoryLocks } from './testing/memory-locks';
import { directTransport, type FetchLike } from './transport/direct';
import { createWorkerApi } from './worker-api';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
});
afterAll(() => sim.close());

type Api = ReturnType<typeof createWorkerApi>;
const apis: Api[] = [];
afterEach(async () => {
	for (const a of apis.splice(0)) await a.close();
});

let seq = 0;
const value = <T>(r: Result<T>): T => {
	if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
	return r.value;
};
const until = async (cond: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> => {
	const end = Date.now() + ms;
	while (!(await cond())) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 10));
	}
};

/** Tabs of one browser: one database, one lock manager, one channel name. */
function browser() {
	const dbName = `worker-api-${++seq}-${Math.random().toString(36).slice(2)}`;
	const channelName = `cm-test-${seq}-${Math.random()}`;
	const locks = new MemoryLocks();
	const relayAsked: string[] = [];
	const relay: FetchLike = async (url) => {
		relayAsked.push(url);
		return new Response(null, { status: 204 });
	};
	const tab = (): Api => {
		const api = createWorkerApi({
			origin: 'http://127.0.0.1:1',
			version: 'test',
			locks,
			channel: () => new BroadcastChannel(channelName),
			openDb: () => openMonitorDb({ name: dbName }),
			network: directTransport(),
			fetch: relay,
			tabTimeoutMs: 10_000,
		});
		apis.push(api);
		return api;
	};
	return { tab, relayAsked };
}

const config = () => ({ baseUrls: sim.baseUrls });

describe('the worker API across tabs', () => {
	it('two tabs share one engine: the follower is answered by the leader', async () => {
		const b = browser();
		const one = b.tab();
		const two = b.tab();
		expect(value(await one.init(config(), 'direct')).leader).toBe(true);
		expect(value(await two.init(config(), 'direct')).leader).toBe(false);
		const answer = value(await two.data('price', { symbols: ['BTC'] }));
		expect(answer.data[0]?.symbol).toBe('BTC');
		// The leader's engine counted the follower's request: one engine, one set of upstream calls.
		const seen = value(await one.recentRequests(10));
		expect(seen.some((e) => e.provider === answer.source && e.capability === 'price')).toBe(true);
		expect(value(await two.status()).requests).toEqual(value(await one.status()).requests);
	});

	it("a follower's key and settings reach the leader's engine", async () => {
		const b = browser();
		const one = b.tab();
		const two = b.tab();
		await one.init(config(), 'direct');
		await two.init(config(), 'direct');
		expect(value(await one.provider('etherscan')).missingKey).toBe(true);
		value(await two.setKey('ETHERSCAN_KEY', 'etherscan-tab-KEY-42424242'));
		expect(await one.keyNames()).toEqual(['ETHERSCAN_KEY']);
		expect(value(await one.provider('etherscan')).missingKey).toBe(false);
		expect(JSON.stringify(await one.keyNames())).not.toContain('etherscan-tab-KEY');

		value(await two.saveSettings({ relayUrl: 'https://relay.example.org' }));
		value(await one.runDiagnostics());
		expect(b.relayAsked.at(-1)).toMatch(/^https:\/\/relay\.example\.org\/relay\//);
	});

	it('when the leading tab closes, the follower takes over with the stored state', async () => {
		const b = browser();
		const one = b.tab();
		const two = b.tab();
		await one.init(config(), 'direct');
		await two.init(config(), 'direct');
		value(await two.savePool({ id: 'tab-pool', name: 'Tab pool', members: [{ provider: 'binance' }] }));
		await one.close();
		await until(async () => {
			const r = await two.pools();
			return r.ok;
		});
		const pools = value(await two.pools());
		expect(pools.some((p) => p.id === 'tab-pool')).toBe(true);
		expect(value(await two.data('price', { symbols: ['BTC'] })).data.length).toBeGreaterThan(0);
	});

	it('watch delivers answers and keeps the last one for the next page', async () => {
		const b = browser();
		const one = b.tab();
		await one.init(config(), 'direct');
		const got: Result<DataAnswer<unknown>>[] = [];
		const id = await one.watch('fear-greed', { limit: 1 }, 60_000, (r) => {
			got.push(r);
		});
		await until(() => got.length > 0);
		await one.unwatch(id);
		expect(got[0]?.ok).toBe(true);
		const kept = await one.recall(requestKey('fear-greed', { limit: 1 }));
		expect(kept?.source).toBe(got[0]?.ok ? got[0].value.source : 'none');
	});

	it('in proxy mode builds no engine but keeps settings, keys and last known answers', async () => {
		const b = browser();
		const tab = b.tab();
		expect(value(await tab.init(config(), 'proxy'))).toMatchObject({ leader: false });
		const r = await tab.status();
		expect(r.ok === false && r.code).toBe('proxy_mode');
		value(await tab.saveSettings({ locale: 'fa' }));
		expect((await tab.settings()).locale).toBe('fa');
		await tab.remember('price:x', { data: [1], source: 'proxy', ts: 5, cached: false, stale: false, latencyMs: 1 });
		expect((await tab.recall('price:x'))?.source).toBe('proxy');
		expect((await tab.saveSettings({ locale: 'xx' as 'fa' })).ok).toBe(false);
	});

	it('answers not_ready before init', async () => {
		const b = browser();
		const tab = b.tab();
		const r = await tab.providers();
		expect(r.ok === false && r.code).toBe('not_ready');
	});
});
