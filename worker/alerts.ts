import { AlertEvaluator, NewRule, symbolsNeeded, type Alert, type Rule } from '../shared/alerts';
import { fail, ok, type Result } from '../shared/api/monitor';
import type { Engine } from '../shared/engine';
import type { MonitorDb } from './idb/db';

/**
 * Direct mode's alerting: rules and recent alerts live in IndexedDB (`kv` under `alerts:*`: two
 * small lists, no store of their own needed), evaluated on prices asked of the worker's engine
 * every `everyMs`. A cached answer is used when fresh, so the Market screen's polling and this share
 * upstream calls. The page shows new alerts (toast and service-worker notification) by reading
 * `recent()`, the same way in both modes.
 */

const RULES_KEY = 'alerts:rules';
const RECENT_KEY = 'alerts:recent';
const KEPT = 200;
const MAX_RULES = 200;

export class WorkerAlerts {
	readonly #db: MonitorDb;
	readonly #engine: () => Pick<Engine, 'get' | 'events'> | undefined;
	readonly #now: () => number;
	readonly #evaluator = new AlertEvaluator();
	#timer: ReturnType<typeof setInterval> | undefined;
	#offBreaker: (() => void) | undefined;
	#loaded = false;
	/** Rounds and recordings run one at a time: `recent` is read, extended and written back. */
	#queue: Promise<void> = Promise.resolve();

	constructor(db: MonitorDb, engine: () => Pick<Engine, 'get' | 'events'> | undefined, now: () => number = Date.now) {
		this.#db = db;
		this.#engine = engine;
		this.#now = now;
	}

	start(everyMs = 15_000): void {
		if (this.#timer) return;
		this.#timer = setInterval(() => void this.round().catch(() => undefined), everyMs);
		void this.round().catch(() => undefined);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = undefined;
		this.#offBreaker?.();
	}

	async rules(): Promise<Rule[]> {
		const stored = await this.#db.get('kv', RULES_KEY);
		return Array.isArray(stored) ? (stored as Rule[]) : [];
	}

	async addRule(input: unknown): Promise<Result<Rule>> {
		const parsed = NewRule.safeParse(input);
		if (!parsed.success) return fail('bad_params', parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
		const rules = await this.rules();
		if (rules.length >= MAX_RULES) return fail('too_many', `at most ${MAX_RULES} rules; delete one first`);
		const rule: Rule = { ...parsed.data, id: crypto.randomUUID(), createdAt: this.#now() };
		await this.#db.put('kv', [...rules, rule], RULES_KEY);
		this.#evaluator.setRules([...rules, rule]);
		void this.round().catch(() => undefined);
		return ok(rule);
	}

	async deleteRule(id: string): Promise<Result<{ deleted: string }>> {
		const rules = await this.rules();
		const kept = rules.filter((r) => r.id !== id);
		if (kept.length === rules.length) return fail('not_found', `no rule '${id}'`);
		await this.#db.put('kv', kept, RULES_KEY);
		this.#evaluator.setRules(kept);
		return ok({ deleted: id });
	}

	async recent(limit = 100): Promise<Alert[]> {
		const stored = await this.#db.get('kv', RECENT_KEY);
		return (Array.isArray(stored) ? (stored as Alert[]) : []).slice(0, Math.max(1, Math.min(limit, KEPT)));
	}

	/** One evaluation: provider-down timers, then the prices the rules need. */
	round(): Promise<void> {
		return this.#serial(() => this.#round());
	}

	#serial(job: () => Promise<void>): Promise<void> {
		const run = this.#queue.then(job);
		// A failed job (IndexedDB closed under it) must not stop the ones after it.
		this.#queue = run.catch(() => undefined);
		return run;
	}

	async #round(): Promise<void> {
		const engine = this.#engine();
		if (!engine) return;
		if (!this.#loaded) {
			this.#evaluator.setRules(await this.rules());
			// A reload must not notify again of a crossing already reported: pick up from the stored alerts.
			const lastFired = new Map<string, number>();
			for (const a of await this.recent(KEPT)) lastFired.set(a.ruleId, Math.max(a.ts, lastFired.get(a.ruleId) ?? -Infinity));
			this.#evaluator.resume(lastFired);
			this.#offBreaker = engine.events.on('breaker', (e) => {
				const fired = this.#evaluator.observeBreaker(e.provider, e.to, e.at);
				if (fired.length > 0) void this.#serial(() => this.#record(fired)).catch(() => undefined);
			});
			this.#loaded = true;
		}
		await this.#record(this.#evaluator.tick(this.#now()));
		for (const [vs, symbols] of symbolsNeeded(this.#evaluator.rules())) {
			const a = await engine.get('price', { symbols, vs });
			if (!a.ok) continue;
			await this.#record(this.#evaluator.observePrices(a.data.map((q) => ({ symbol: q.symbol, vs: q.vs, price: q.price })), a.source, this.#now()));
		}
	}

	async #record(alerts: readonly Alert[]): Promise<void> {
		if (alerts.length === 0) return;
		const recent = await this.recent(KEPT);
		await this.#db.put('kv', [...[...alerts].reverse(), ...recent].slice(0, KEPT), RECENT_KEY);
	}
}
