import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tinyModelFiles } from '../../tests/integration/tiny-model/build';
import { startTinyHub, type TinyHub } from '../../tests/integration/tiny-model/hub';
import type { Transport } from '../../shared/engine/ports';
import { EngineHome } from '../engine-home';
import { openMonitorDb, type MonitorDb } from '../idb/db';
import { DirectMonitor } from '../monitor';
import { loadClassifier } from './pipeline';

// Direct mode: the worker's engine answers sentiment with the lexicon (no key, no network) and,
// when the user turns it on, the in-browser model, here a tiny model the test builds and serves
// from loopback through the same loader the worker uses.
const MODEL = 'test-org/tiny-crypto-sentiment';
let hub: TinyHub;
let cacheDir: string;
const calls: string[] = [];
/** The network: records any upstream call (none is expected: no key is set). */
const network: Transport = {
	fetch: async (request) => {
		calls.push(request.url);
		return { status: 503, headers: {}, body: '{"error":"offline"}' };
	},
};

beforeAll(async () => {
	hub = await startTinyHub(MODEL, tinyModelFiles());
	cacheDir = mkdtempSync(join(tmpdir(), 'cm-worker-model-'));
});
afterAll(async () => {
	await hub.close();
	rmSync(cacheDir, { recursive: true, force: true });
});

const open: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
	for (const o of open.splice(0).reverse()) await o.close();
});

let seq = 0;
async function start(db?: MonitorDb): Promise<{ db: MonitorDb; home: EngineHome; monitor: DirectMonitor }> {
	const base = db ?? (await openMonitorDb({ name: `sentiment-test-${++seq}-${Math.random().toString(36).slice(2)}` }));
	const home = await EngineHome.start({
		db: base,
		config: {},
		relayBase: () => 'http://127.0.0.1:9',
		network,
		browserModelLoader: (o) => loadClassifier({ ...o, model: MODEL, remoteHost: hub.url, cacheDir }),
	});
	const monitor = new DirectMonitor({ home, db: base, version: '9.9.9', relayBase: () => 'http://127.0.0.1:9' });
	if (!db) open.push({ close: () => base.close() });
	open.push(home);
	return { db: base, home, monitor };
}

describe('sentiment in direct mode', () => {
	it('answers the ensemble from the lexicon with no key and no network', async () => {
		calls.length = 0;
		const { monitor } = await start();
		const r = await monitor.sentimentEnsemble(['Bitcoin ETF approval sends BTC to the moon', 'Bridge hacked in $100M exploit']);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.models).toEqual([{ source: 'lexicon', ok: true, latencyMs: expect.any(Number) }]);
		expect(r.value.items.map((i) => [i.label, i.agreement])).toEqual([
			['positive', 1],
			['negative', 1],
		]);
		expect(calls).toEqual([]);
		const report = await monitor.modelsReport();
		expect(report.ok && report.value.models.find((m) => m.id === 'lexicon')).toMatchObject({ runs: 'local', requests: 1, successes: 1 });
	});

	it('refuses bad input with a clear message', async () => {
		const { monitor } = await start();
		for (const bad of [[], [''], 'text', ['x'.repeat(2001)]] as unknown as string[][]) {
			const r = await monitor.sentimentEnsemble(bad);
			expect(r).toMatchObject({ ok: false, code: 'bad_params' });
		}
		expect(await monitor.browserModel('yes' as unknown as boolean)).toMatchObject({ ok: false, code: 'bad_params' });
	});

	it('adds the in-browser model when turned on, keeps the choice, and drops it when turned off', async () => {
		const { db, home, monitor } = await start();
		expect(await monitor.browserModel()).toMatchObject({ ok: true, value: { enabled: false, status: 'off' } });
		const on = await monitor.browserModel(true);
		expect(on).toMatchObject({ ok: true, value: { enabled: true } });
		const r = await monitor.sentimentEnsemble(['great rally to the moon', 'the price is a number']);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.models.map((m) => m.source).sort()).toEqual(['browser-model', 'lexicon']);
		const votes = r.value.items.map((i) => i.votes.find((v) => v.source === 'browser-model')?.label);
		expect(votes).toEqual(['positive', 'neutral']);
		expect(r.value.items[0]).toMatchObject({ label: 'positive', agreement: 1 });
		expect(await monitor.browserModel()).toMatchObject({ ok: true, value: { status: 'ready', progress: null, error: null } });

		// The choice is kept: a new engine home on the same database has the model in its pool.
		await home.close();
		const again = await start(db);
		expect(again.home.engine.runtime('browser-model')).toBeDefined();
		await again.monitor.browserModel(false);
		expect(again.home.engine.runtime('browser-model')).toBeUndefined();
		const off = await again.monitor.sentimentEnsemble(['great rally']);
		expect(off.ok && off.value.models.map((m) => m.source)).toEqual(['lexicon']);
	});
});
