import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProviders } from '../shared/catalog/registry';
import { SymbolMap } from '../shared/catalog/symbols';
import { Engine, FakeClock, MemoryStore, noSecrets, SeededRandom } from '../shared/engine';
import { startSimulator, type Simulator } from '../tests/sim/server';
import { probeUnhealthy } from './probe';
import { directTransport } from './transport/direct';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ providers: allProviders() });
});
afterAll(() => sim.close());

describe('probeUnhealthy', () => {
	it('probes only providers whose open breaker has cooled down, and closes them when they answer', async () => {
		const symbols = new SymbolMap();
		const clock = new FakeClock(Date.now());
		const providers = allProviders()
			.filter((p) => p.id === 'binance' || p.id === 'coinpaprika')
			.map((p) => ({ ...p, baseUrl: sim.baseUrl(p.id) }));
		const engine = new Engine({
			providers,
			ports: { clock, random: new SeededRandom(1), transport: directTransport(), store: new MemoryStore(), secrets: noSecrets },
			breaker: { jitter: 0 },
			symbolId: (p, s) => symbols.resolve(p, s),
		});
		engine.upsertPool({ id: 'only-binance', name: 'Binance', members: [{ provider: 'binance' }] });
		sim.setFault('binance', { kind: 'server_error' });
		for (let i = 0; i < 5; i++) await engine.get('price', { symbols: ['BTC'] }, { pool: 'only-binance', fresh: true });
		const binance = engine.runtime('binance');
		expect(binance?.breaker.state).toBe('open');
		const now = () => clock.now();

		// Still cooling down: nothing to probe.
		expect(await probeUnhealthy(engine, now)).toEqual([]);

		sim.clearFaults();
		sim.resetCounts();
		await clock.advance(30_001);
		const first = await probeUnhealthy(engine, now);
		expect(first.map((c) => [c.provider, c.ok])).toEqual([['binance', true]]);
		expect(binance?.breaker.state).toBe('half_open');
		const second = await probeUnhealthy(engine, now);
		expect(second.map((c) => c.provider)).toEqual(['binance']);
		expect(binance?.breaker.state).toBe('closed');
		expect(await probeUnhealthy(engine, now)).toEqual([]);
		// The healthy provider was never probed, and no probe pool is left behind.
		expect(sim.requests('coinpaprika')).toBe(0);
		expect(engine.pools().some((p) => p.id.startsWith('probe--'))).toBe(false);
	});
});
