import { Hono } from 'hono';
import { isCapability, type Capability } from '../../shared/model';
import type { Engine, Failure } from '../../shared/engine';

/** Params that are lists: `?symbols=BTC,ETH` or `?symbols=BTC&symbols=ETH`. */
const LIST_PARAMS = new Set(['symbols', 'texts']);

/** Query string -> the capability's params input (the engine validates it with the capability's schema). */
export function paramsFromQuery(queries: Record<string, string[]>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, values] of Object.entries(queries)) {
		out[k] = LIST_PARAMS.has(k) ? values.flatMap((v) => (k === 'texts' ? [v] : v.split(','))).filter((v) => v !== '') : values[0];
	}
	return out;
}

/** Outcomes saying a provider could not be asked or did not answer: the data may well exist. */
const OUTAGES: ReadonlySet<string> = new Set(['network', 'timeout', 'http_5xx', 'rate_limited', 'auth', 'breaker_open', 'limit_wait', 'deadline', 'no_key', 'aborted']);
const NOT_HERE: ReadonlySet<string> = new Set(['unsupported', 'http_4xx']);

/**
 * 400 for bad params, 404 when no provider has this data, 503 when providers that may have it
 * are failing. "No provider has it": at least one said so (unsupported, HTTP 4xx) and none was
 * down, so an unknown symbol is a 404 even when some answers were unusable (an error body).
 */
export function failureStatus(f: Failure): 400 | 404 | 503 {
	if (f.code === 'bad_params') return 400;
	if (f.code === 'no_provider') return 404;
	const notHere = f.attempts.some((a) => NOT_HERE.has(a.outcome)) && !f.attempts.some((a) => OUTAGES.has(a.outcome));
	return notHere ? 404 : 503;
}

/**
 * Serialised answers by request target (path and query, as the client sent them), reused for at
 * most `maxAgeMs` (a micro-cache in front of the engine's cache, whose shortest TTL is 15 s).
 * Under load most requests ask what was just asked; answering them with the bytes already made
 * skips params validation, the engine lookup and JSON serialisation (and, on the node server,
 * the framework: see proxy/fast-reads.ts). Only good, not-stale cached answers are kept;
 * `fresh=true` always goes to the engine.
 */
export class AnswerBytes {
	readonly #entries = new Map<string, { body: string; until: number }>();
	constructor(
		private readonly now: () => number = Date.now,
		private readonly maxAgeMs = 1_000,
		private readonly maxEntries = 1_000,
	) {}

	get(target: string): string | undefined {
		const e = this.#entries.get(target);
		if (!e) return undefined;
		if (e.until > this.now()) return e.body;
		this.#entries.delete(target);
		return undefined;
	}

	put(target: string, body: string): void {
		const until = this.now() + this.maxAgeMs;
		if (this.#entries.size >= this.maxEntries) {
			const oldest = this.#entries.keys().next().value;
			if (oldest !== undefined) this.#entries.delete(oldest);
		}
		this.#entries.set(target, { body, until });
	}
}

export const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

/** The route of every capability's data, as /metrics names it. */
export const DATA_ROUTE = '/api/data/:capability';

/** The request target (path and query) of a full request URL. */
function requestTarget(url: string): string {
	const slash = url.indexOf('/', url.indexOf('//') + 2);
	return slash < 0 ? '/' : url.slice(slash);
}

/** `GET /api/data/{capability}`: any capability of the canonical model, answered by the engine. */
export function dataRoutes(engine: Engine, bytes = new AnswerBytes()) {
	return new Hono().get(DATA_ROUTE, async (c) => {
		const target = requestTarget(c.req.url);
		const hit = bytes.get(target);
		if (hit !== undefined) return c.body(hit, 200, JSON_TYPE);
		const capability = c.req.param('capability');
		if (!isCapability(capability)) return c.json({ error: `unknown capability '${capability.slice(0, 40)}'` }, 404);
		// `pool` and `fresh` are request options, not capability params.
		const { pool, fresh, ...queries } = c.req.queries();
		const options = { ...(pool?.[0] ? { pool: pool[0] } : {}), ...(fresh?.[0] === 'true' ? { fresh: true } : {}) };
		const outcome = await engine.get(capability as Capability, paramsFromQuery(queries) as never, options);
		if (!outcome.ok) return c.json({ error: outcome.message, code: outcome.code, attempts: outcome.attempts }, failureStatus(outcome));
		// `ageMs` as the contract's AnyAnswer has it; reused bytes (at most maxAgeMs old) understate it by that much.
		const body = JSON.stringify({ ...outcome, ageMs: Math.max(0, Date.now() - outcome.ts) });
		// Only answers the engine itself served from its cache: a repeat then says the same thing (`cached`, `ts`).
		if (outcome.cached && !outcome.stale && !options.fresh) bytes.put(target, body);
		return c.body(body, 200, JSON_TYPE);
	});
}
