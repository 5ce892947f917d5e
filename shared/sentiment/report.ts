import type { Engine } from '../engine/engine';
import { endpointView, isAvailable } from '../api/views';
import { LOCAL_SCHEME } from '../engine/ports/local';
import type { ModelsReportT } from './schema';

/**
 * /api/reports/models: every text-sentiment provider with its breaker, latency and success rate
 * for that capability, and whether a key is present. The key itself is never read here: the
 * runtime's key count is all that is asked.
 */
export function modelsReport(engine: Engine, now: number): ModelsReportT {
  const models = engine
    .runtimes()
    .filter((rt) => rt.spec.capabilities['text-sentiment'] !== undefined)
    .map((rt) => {
      const e = endpointView(rt, 'text-sentiment', now);
      const keyRequired = rt.spec.auth.kind !== 'none' && rt.spec.auth.optional !== true;
      return {
        id: rt.spec.id,
        name: rt.spec.name,
        runs: rt.spec.baseUrl.startsWith(LOCAL_SCHEME) ? ('local' as const) : ('remote' as const),
        tier: rt.spec.tier,
        state: rt.breaker.state === 'closed' ? e.state : rt.breaker.state,
        available: isAvailable(rt, now),
        keyPresent: rt.keys.some((k) => k !== ''),
        keyRequired,
        requests: e.requests,
        successes: e.successes,
        successRate: e.successRate,
        latencyMs: { p50: e.latencyMs.p50, p95: e.latencyMs.p95, ewma: e.latencyMs.ewma },
        lastError: e.lastError ? e.lastError.kind : null,
      };
    });
  return { models, total: models.length, generatedAt: now };
}
