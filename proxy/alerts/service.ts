import webPush from 'web-push';
import { AlertEvaluator, symbolsNeeded, type Alert, type NewRule, type Rule } from '../../shared/alerts';
import type { Engine } from '../../shared/engine';
import type { Clock, TimerHandle } from '../../shared/engine/ports';
import type { Delivery, TelegramConfig } from './deliver';
import type { AlertStore, VapidKeys } from './store';

export interface AlertServiceOptions {
	engine: Pick<Engine, 'get' | 'events'>;
	store: AlertStore;
	delivery: Delivery;
	clock: Clock;
	/** Sends an alert to the WebSocket `alerts` group. */
	publish?: (alert: Alert) => void;
	/** Set when TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are. */
	telegram?: TelegramConfig;
	/** VAPID `sub` claim: a mailto: or https: contact. */
	vapidSubject?: string;
	/** Price polling interval while price rules exist, ms. Default 15,000 (the price cache TTL). */
	everyMs?: number;
	/** Called with each delivery outcome (target kind and outcome only: never a URL or token). */
	onDelivery?: (target: string, outcome: string) => void;
}

/**
 * The proxy's alerting: evaluates the stored rules on prices it polls itself (the symbols the rules
 * name, one request per quote currency per interval, whoever is connected: upstream cost follows
 * the rules, not the clients) and on breaker transitions, stores each alert and sends it to every
 * target. Delivery runs in the background: a slow webhook never delays the next evaluation.
 */
export class AlertService {
	readonly #o: AlertServiceOptions;
	readonly #evaluator = new AlertEvaluator();
	readonly #everyMs: number;
	#timer: TimerHandle | undefined;
	#offBreaker: (() => void) | undefined;
	#polling = false;
	#vapid: VapidKeys | undefined;
	readonly #pending = new Set<Promise<unknown>>();

	constructor(options: AlertServiceOptions) {
		this.#o = options;
		this.#everyMs = options.everyMs ?? 15_000;
	}

	start(): this {
		this.#evaluator.setRules(this.#o.store.rules());
		this.#evaluator.resume(this.#o.store.lastFiredAt());
		this.#offBreaker = this.#o.engine.events.on('breaker', (e) => this.#fired(this.#evaluator.observeBreaker(e.provider, e.to, e.at)));
		this.#schedule(0);
		return this;
	}

	async close(): Promise<void> {
		this.#offBreaker?.();
		if (this.#timer) this.#o.clock.clearTimeout(this.#timer);
		this.#timer = undefined;
		await Promise.allSettled([...this.#pending]);
	}

	rules(): Rule[] {
		return this.#o.store.rules();
	}

	addRule(rule: NewRule): Rule {
		const added = this.#o.store.addRule(rule);
		this.#evaluator.setRules(this.#o.store.rules());
		// A new price rule is evaluated at once rather than at the next round.
		if (added.kind !== 'provider-down') this.#schedule(0);
		return added;
	}

	deleteRule(id: string): boolean {
		const deleted = this.#o.store.deleteRule(id);
		this.#evaluator.setRules(this.#o.store.rules());
		return deleted;
	}

	/** The VAPID key pair, made on first use and kept in SQLite. */
	vapid(): VapidKeys {
		this.#vapid ??= this.#o.store.vapidKeys(() => webPush.generateVAPIDKeys());
		return this.#vapid;
	}

	/** Resolves when every delivery started so far has finished (tests). */
	async settled(): Promise<void> {
		while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
	}

	#schedule(delayMs: number): void {
		if (this.#timer) this.#o.clock.clearTimeout(this.#timer);
		this.#timer = this.#o.clock.setTimeout(() => void this.#round(), delayMs);
	}

	async #round(): Promise<void> {
		this.#schedule(this.#everyMs);
		if (this.#polling) return;
		this.#polling = true;
		try {
			this.#fired(this.#evaluator.tick(this.#o.clock.now()));
			for (const [vs, symbols] of symbolsNeeded(this.#evaluator.rules())) {
				const answer = await this.#o.engine.get('price', { symbols, vs }, { fresh: true });
				if (!answer.ok) continue;
				const quotes = answer.data.map((q) => ({ symbol: q.symbol, vs: q.vs, price: q.price }));
				this.#fired(this.#evaluator.observePrices(quotes, answer.source, this.#o.clock.now()));
			}
		} catch (error) {
			// The engine answers failures as outcomes; a throw is a bug and must not stop alerting.
			console.error('alert round failed:', error instanceof Error ? error.message : 'error');
		} finally {
			this.#polling = false;
		}
	}

	#fired(alerts: readonly Alert[]): void {
		for (const alert of alerts) {
			this.#o.store.addAlert(alert);
			this.#o.publish?.(alert);
			this.#track(this.#deliver(alert));
		}
	}

	async #deliver(alert: Alert): Promise<void> {
		const { delivery, store, telegram, onDelivery } = this.#o;
		const jobs: Promise<void>[] = store.webhooks().map(async (hook) => onDelivery?.('webhook', await delivery.webhook(hook, alert)));
		if (telegram) jobs.push(delivery.telegram(telegram, alert).then((r) => onDelivery?.('telegram', r)));
		const subs = store.pushSubscriptions();
		if (subs.length > 0) {
			const vapid = this.vapid();
			const subject = this.#o.vapidSubject ?? 'mailto:alerts@crypto-monitor.invalid';
			for (const sub of subs) {
				jobs.push(
					delivery.push(sub, alert, vapid, subject).then((r) => {
						if (r === 'gone') store.deletePushSubscription(sub.endpoint);
						onDelivery?.('push', r);
					})
				);
			}
		}
		await Promise.allSettled(jobs);
	}

	#track(p: Promise<unknown>): void {
		this.#pending.add(p);
		void p.finally(() => this.#pending.delete(p));
	}
}
