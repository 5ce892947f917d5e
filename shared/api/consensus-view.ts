import type { Engine, Failure } from '../engine';
import type { PriceConsensus } from './market';

/**
 * The engine's price consensus as the REST / MonitorApi shape: the median of one symbol across
 * up to `k` providers, its spread, each provider's quote and who was demoted. The engine itself
 * demotes outliers (a `sanity` failure on their price breaker) and emits a `deviation` event,
 * which both homes' event logs record as a warning.
 */

export interface ConsensusAnswer {
  data: PriceConsensus;
  source: string;
  ts: number;
  cached: boolean;
  stale: boolean;
  latencyMs: number;
}

export interface ConsensusRequest {
  symbol: string;
  vs: string;
  k: number;
  thresholdPct: number;
}

type ConsensusEngine = Pick<Engine, 'consensus'>;

export async function priceConsensusView(engine: ConsensusEngine, req: ConsensusRequest): Promise<{ ok: true; answer: ConsensusAnswer } | Failure> {
  const outcome = await engine.consensus({ symbols: [req.symbol], vs: req.vs }, { k: req.k, thresholdPct: req.thresholdPct });
  if (!outcome.ok) return outcome;
  const spread = outcome.data.spreads.find((s) => s.symbol === req.symbol);
  if (!spread) return { ok: false, code: 'no_provider', message: `no provider quoted ${req.symbol} in ${req.vs}`, attempts: outcome.attempts };
  const failed = outcome.attempts.filter((a) => a.outcome !== 'ok').map((a) => ({ provider: a.provider, outcome: a.outcome, message: a.message ?? null }));
  const data: PriceConsensus = {
    symbol: req.symbol,
    vs: req.vs,
    median: spread.median,
    min: spread.min,
    max: spread.max,
    spreadPct: spread.spreadPct,
    thresholdPct: req.thresholdPct,
    quotes: spread.providers.map((p) => ({ ...p })).sort((a, b) => a.price - b.price),
    demoted: spread.providers.filter((p) => p.outlier).map((p) => p.provider),
    failed,
  };
  return { ok: true, answer: { data, source: outcome.source, ts: outcome.ts, cached: outcome.cached, stale: outcome.stale, latencyMs: outcome.latencyMs } };
}
