import { Hono } from 'hono';
import { ConsensusQuery, HfOhlcvQuery } from '../../shared/api/market';
import { priceConsensusView } from '../../shared/api/consensus-view';
import { hfOhlcv, hfSymbols, hfTimeframes } from '../../shared/api/datasets-view';
import { SymbolParams } from '../../shared/api/rest';
import type { Engine } from '../../shared/engine';
import { gatherSentiment } from '../../shared/sentiment/gather';
import { validate } from '../middleware/validate';
import { failed } from './resources';

export interface MarketRoutesOptions {
	engine: Engine;
	now: () => number;
}

interface Answered<T> {
	data: T;
	source: string;
	ts: number;
	cached: boolean;
	stale: boolean;
	latencyMs: number;
}

/**
 * `/api/resources/sentiment/{global,coin}`, `/api/resources/market/consensus/{symbol}` and
 * `/api/resources/hf/*`: answers built from several engine requests (shared/sentiment,
 * shared/api/consensus-view.ts, shared/api/datasets-view.ts), each saying its source and age.
 */
export function marketRoutes({ engine, now }: MarketRoutesOptions) {
	const body = <T>(a: Answered<T>) => ({ data: a.data, source: a.source, ts: a.ts, ageMs: Math.max(0, now() - a.ts), cached: a.cached, stale: a.stale, latencyMs: a.latencyMs });

	return new Hono()
		.get('/api/resources/sentiment/global', async (c) => c.json(body(await gatherSentiment(engine, now)), 200))
		.get('/api/resources/sentiment/coin/:symbol', validate('param', SymbolParams), async (c) => {
			return c.json(body(await gatherSentiment(engine, now, c.req.valid('param').symbol)), 200);
		})
		.get('/api/resources/market/consensus/:symbol', validate('param', SymbolParams), validate('query', ConsensusQuery), async (c) => {
			const { symbol } = c.req.valid('param');
			const { vs, k, threshold } = c.req.valid('query');
			const r = await priceConsensusView(engine, { symbol, vs, k, thresholdPct: threshold });
			return r.ok ? c.json(body(r.answer), 200) : failed(c, r);
		})
		.get('/api/resources/hf/ohlcv', validate('query', HfOhlcvQuery), async (c) => {
			const r = await hfOhlcv(engine, c.req.valid('query'));
			return r.ok ? c.json(body(r.answer), 200) : failed(c, r);
		})
		.get('/api/resources/hf/symbols', (c) => c.json(hfSymbols(engine), 200))
		.get('/api/resources/hf/timeframes/:symbol', validate('param', SymbolParams), (c) => c.json(hfTimeframes(engine, c.req.valid('param').symbol), 200));
}
