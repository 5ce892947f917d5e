import type { HealthCheckT } from '../shared/api/monitor';
import type { Engine } from '../shared/engine';
import { probe } from '../shared/api/probe';

/**
 * The periodic health round: providers whose provider-wide breaker is open or half-open and whose
 * cool-down has passed (a probe before that would be refused anyway), at most `max` per round, one
 * at a time, on their first capability. A closed breaker needs no probe: real traffic tests it.
 */
export async function probeUnhealthy(engine: Engine, now: () => number, max = 3): Promise<HealthCheckT[]> {
	const t = now();
	const due = engine
		.runtimes()
		.filter((rt) => !rt.missingKey && (rt.breaker.state === 'open' || rt.breaker.state === 'half_open') && rt.breaker.blockedUntil <= t)
		.sort((a, b) => a.breaker.blockedUntil - b.breaker.blockedUntil)
		.slice(0, max);
	const out: HealthCheckT[] = [];
	for (const rt of due) {
		const capability = [...rt.endpoints.keys()][0];
		if (capability) out.push(await probe(engine, rt, capability, now));
	}
	return out;
}
