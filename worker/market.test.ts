import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketSentiment, PriceConsensus } from '../shared/api/market';
import { allProviders } from '../shared/catalog/registry';
import { startSimulator, type Simulator } from '../tests/sim/server';
import { EngineHome } from './engine-home';
import { openMonitorDb, type MonitorDb } from './idb/db';
import { DirectMonitor } from './monitor';
import { directTransport } from './transport/direct';

/** Direct mode: the worker's engine answers sentiment and consensus with the proxy's shapes. */

let sim: Simulator;
let db: MonitorDb;
let home: EngineHome;
let monitor: DirectMonitor;

beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
	db = await openMonitorDb({ name: `market-test-${Math.random().toString(36).slice(2)}` });
	const relayBase = () => `${sim.url}/via`;
	home = await EngineHome.start({ db, config: { baseUrls: sim.baseUrls }, relayBase, network: directTransport() });
	monitor = new DirectMonitor({ home, db, version: '0', relayBase });
});

afterAll(async () => {
	await home.close();
	db.close();
	await sim.close();
});

describe('DirectMonitor market insight', () => {
	it('answers the market sentiment with each part and its source', async () => {
		const r = await monitor.marketSentiment();
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const s = MarketSentiment.parse(r.value.data);
		expect(s.scope).toBe('global');
		expect(s.parts.map((p) => p.kind)).toEqual(['fearGreed', 'news', 'social']);
		expect(s.parts.find((p) => p.kind === 'fearGreed')).toMatchObject({ ok: true, source: 'alternative-me' });
		// Every part either answered or says why not.
		for (const p of s.parts) expect(p.ok || (p.error ?? '').length > 0).toBe(true);
		expect(r.value.source).toContain('alternative-me');
	});

	it("answers a coin's sentiment and refuses a bad symbol", async () => {
		const r = await monitor.marketSentiment('eth');
		expect(r.ok && r.value.data.symbol).toBe('ETH');
		const bad = await monitor.marketSentiment('E T H');
		expect(bad).toMatchObject({ ok: false, code: 'bad_params' });
	});

	it('answers a price consensus with every quote, and refuses bad input', async () => {
		const r = await monitor.priceConsensus('BTC');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const c = PriceConsensus.parse(r.value.data);
		expect(c.symbol).toBe('BTC');
		expect(c.quotes.length).toBeGreaterThan(0);
		expect(c.min).toBeLessThanOrEqual(c.max);
		expect(await monitor.priceConsensus('B/TC')).toMatchObject({ ok: false, code: 'bad_params' });
		expect(await monitor.priceConsensus('BTC', 'U$D')).toMatchObject({ ok: false, code: 'bad_params' });
	});
});
