import { Hono, type Context } from 'hono';
import { AddressQuery, ChainQuery, FearGreedQuery, NewsQuery, PriceQuery, PricesQuery, SymbolParams, TransactionsQuery } from '../../shared/api/rest';
import type { Engine, Failure, Outcome } from '../../shared/engine';
import { validate } from '../middleware/validate';
import { failureStatus } from './data';
import { answerBody } from '../../shared/api/views';

export interface ResourcesOptions {
	engine: Engine;
	now: () => number;
}

/** A failed answer: 400/404/503 with the engine's message (keys are already redacted there). */
export const failed = (c: Context, f: Failure) => c.json({ error: f.message, code: f.code }, failureStatus(f));

/** `/api/resources/…`: the seed's resource paths, each one capability of the engine. */
export function resourceRoutes({ engine, now }: ResourcesOptions) {
	const reply = <T>(c: Context, outcome: Outcome<T>) => (outcome.ok ? c.json(answerBody(outcome, now()), 200) : failed(c, outcome));

	return new Hono()
		.get('/api/resources/market/price/:symbol', validate('param', SymbolParams), validate('query', PriceQuery), async (c) => {
			const { symbol } = c.req.valid('param');
			const { vs } = c.req.valid('query');
			const outcome = await engine.get('price', { symbols: [symbol], vs });
			if (!outcome.ok) return failed(c, outcome);
			const quote = outcome.data.find((q) => q.symbol === symbol);
			if (!quote) return c.json({ error: `no price for ${symbol}`, code: 'not_listed' }, 404);
			return c.json(answerBody({ ...outcome, data: quote }, now()), 200);
		})
		.get('/api/resources/market/prices', validate('query', PricesQuery), async (c) => {
			const { symbols, vs } = c.req.valid('query');
			return reply(c, await engine.get('price', { symbols, vs }));
		})
		.get('/api/resources/news/latest', validate('query', NewsQuery), async (c) => {
			return reply(c, await engine.get('news', c.req.valid('query')));
		})
		.get('/api/resources/news/symbol/:symbol', validate('param', SymbolParams), validate('query', NewsQuery), async (c) => {
			const { symbol } = c.req.valid('param');
			return reply(c, await engine.get('news', { symbols: [symbol], limit: c.req.valid('query').limit }));
		})
		.get('/api/resources/sentiment/fear-greed', validate('query', FearGreedQuery), async (c) => {
			return reply(c, await engine.get('fear-greed', c.req.valid('query')));
		})
		.get('/api/resources/onchain/balance', validate('query', AddressQuery), async (c) => {
			return reply(c, await engine.get('balance', c.req.valid('query')));
		})
		.get('/api/resources/onchain/gas', validate('query', ChainQuery), async (c) => {
			return reply(c, await engine.get('gas', c.req.valid('query')));
		})
		.get('/api/resources/onchain/transactions', validate('query', TransactionsQuery), async (c) => {
			return reply(c, await engine.get('transactions', c.req.valid('query')));
		});
}
