import { fail, ok, type DataAnswer, type Result } from '../shared/api/monitor';
import { ConsensusQuery, MarketSymbolParams, type MarketSentiment, type PriceConsensus } from '../shared/api/market';
import { priceConsensusView } from '../shared/api/consensus-view';
import type { Engine } from '../shared/engine';
import { gatherSentiment } from '../shared/sentiment/gather';

/**
 * Direct mode's market insight: the same shared code the proxy's routes call (shared/sentiment,
 * shared/api/consensus-view.ts), over the worker's engine, with the same input rules.
 */

const firstIssue = (issues: readonly { message: string }[]): string => issues[0]?.message ?? 'invalid input';

export async function workerMarketSentiment(engine: Engine, now: () => number, symbol?: string): Promise<Result<DataAnswer<MarketSentiment>>> {
	let coin: string | undefined;
	if (symbol !== undefined) {
		const parsed = MarketSymbolParams.safeParse({ symbol });
		if (!parsed.success) return fail('bad_params', firstIssue(parsed.error.issues));
		coin = parsed.data.symbol;
	}
	return ok(await gatherSentiment(engine, now, coin));
}

export async function workerPriceConsensus(engine: Engine, symbol: string, vs = 'USD'): Promise<Result<DataAnswer<PriceConsensus>>> {
	const s = MarketSymbolParams.safeParse({ symbol });
	if (!s.success) return fail('bad_params', firstIssue(s.error.issues));
	const q = ConsensusQuery.safeParse({ vs });
	if (!q.success) return fail('bad_params', firstIssue(q.error.issues));
	const r = await priceConsensusView(engine, { symbol: s.data.symbol, vs: q.data.vs, k: q.data.k, thresholdPct: q.data.threshold });
	return r.ok ? ok(r.answer) : fail(r.code, r.message);
}
