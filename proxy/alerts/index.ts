import type { Engine } from '../../shared/engine';
import type { Clock } from '../../shared/engine/ports';
import type { StoreDb } from '../store';
import type { Hub } from '../ws';
import { DEFAULT_TELEGRAM_BASE, Delivery, type TelegramConfig } from './deliver';
import { addressGuard } from './post';
import { AlertService } from './service';
import { AlertStore } from './store';

export { AlertService } from './service';
export { AlertStore } from './store';
export { Delivery, SIGNATURE_HEADER, DEFAULT_TELEGRAM_BASE } from './deliver';

export interface StartAlertsOptions {
	engine: Pick<Engine, 'get' | 'events'>;
	db: StoreDb;
	clock: Clock;
	hub?: Hub;
	env: Readonly<Record<string, string | undefined>>;
	/** The relay's loopback test override (CM_RELAY_ALLOW_LOOPBACK=1): webhooks may reach these addresses. */
	allowPrivateForTests?: readonly string[];
	/** Price polling interval, ms (CM_ALERTS_POLL_MS, default 15,000). */
	everyMs?: number;
}

/** Telegram delivery from TELEGRAM_BOT_TOKEN + TELEGRAM_CHAT_ID (+ TELEGRAM_API_BASE), else none. */
export function telegramFromEnv(env: Readonly<Record<string, string | undefined>>): TelegramConfig | undefined {
	const token = env.TELEGRAM_BOT_TOKEN?.trim();
	const chatId = env.TELEGRAM_CHAT_ID?.trim();
	if (!token || !chatId) return undefined;
	return { token, chatId, base: env.TELEGRAM_API_BASE?.trim() || DEFAULT_TELEGRAM_BASE };
}

/** The proxy's alerting, wired to the database, the WebSocket `alerts` group and the delivery targets. */
export function startAlerts({ engine, db, clock, hub, env, allowPrivateForTests, everyMs }: StartAlertsOptions): { service: AlertService; store: AlertStore } {
	const store = new AlertStore(db, () => clock.now());
	const polled = Number(env.CM_ALERTS_POLL_MS);
	const telegram = telegramFromEnv(env);
	const service = new AlertService({
		engine,
		store,
		clock,
		delivery: new Delivery({ guard: addressGuard(allowPrivateForTests) }),
		everyMs: everyMs ?? (Number.isInteger(polled) && polled >= 1_000 ? polled : undefined),
		...(telegram ? { telegram } : {}),
		...(env.CM_VAPID_SUBJECT ? { vapidSubject: env.CM_VAPID_SUBJECT } : {}),
		publish: (alert) => hub?.publish('alerts', { type: 'alert', kind: alert.kind, message: alert.message, ts: alert.ts, alert }),
		onDelivery: (target, outcome) => {
			if (outcome !== 'delivered') console.warn(`alert delivery to ${target} ${outcome}`);
		}
	}).start();
	return { service, store };
}
