import { createHmac } from 'node:crypto';
import webPush from 'web-push';
import type { Alert } from '../../shared/alerts';
import type { GuardOptions } from '../relay/fetch';
import { post, type PostResult } from './post';
import type { PushSubscriptionRecord, VapidKeys, WebhookRecord } from './store';

/** The header carrying `sha256=<hex HMAC of the raw body>` when a webhook has a secret. */
export const SIGNATURE_HEADER = 'x-crypto-monitor-signature';
export const DEFAULT_TELEGRAM_BASE = 'https://api.telegram.org';

export interface DeliveryOptions {
	/** Per attempt, ms. Default 5,000. */
	timeoutMs?: number;
	/** Webhook attempts in all (a 5xx, 429 or network error is retried). Default 3. */
	attempts?: number;
	/** First retry delay, doubled each time, ms. Default 1,000. */
	backoffMs?: number;
	/** Waits between retries; tests pass a fast one. */
	sleep?: (ms: number) => Promise<void>;
	/** For webhook and push targets (user-given URLs). */
	guard: GuardOptions;
}

export interface TelegramConfig {
	token: string;
	chatId: string;
	/** Default https://api.telegram.org (TELEGRAM_API_BASE). */
	base: string;
}

const retryable = (r: PostResult): boolean => r.status >= 500 || r.status === 429;

/** Sends alerts out of the proxy: webhooks, Telegram, Web Push. Each call resolves to a short outcome, never throws. */
export class Delivery {
	readonly #timeoutMs: number;
	readonly #attempts: number;
	readonly #backoffMs: number;
	readonly #sleep: (ms: number) => Promise<void>;
	readonly #guard: GuardOptions;

	constructor({ timeoutMs = 5_000, attempts = 3, backoffMs = 1_000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), guard }: DeliveryOptions) {
		this.#timeoutMs = timeoutMs;
		this.#attempts = attempts;
		this.#backoffMs = backoffMs;
		this.#sleep = sleep;
		this.#guard = guard;
	}

	/** POSTs `{ type: 'alert', alert }`, signed when the hook has a secret, retrying with backoff. */
	async webhook(hook: WebhookRecord, alert: Alert): Promise<string> {
		const body = JSON.stringify({ type: 'alert', alert });
		const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'crypto-monitor-alerts' };
		if (hook.secret) headers[SIGNATURE_HEADER] = `sha256=${createHmac('sha256', hook.secret).update(body).digest('hex')}`;
		let last = '';
		for (let attempt = 0; attempt < this.#attempts; attempt++) {
			if (attempt > 0) await this.#sleep(this.#backoffMs * 2 ** (attempt - 1));
			try {
				const r = await post(hook.url, body, headers, { timeoutMs: this.#timeoutMs, guard: this.#guard });
				if (r.status >= 200 && r.status < 300) return 'delivered';
				last = `HTTP ${r.status}`;
				if (!retryable(r)) break;
			} catch (error) {
				last = error instanceof Error ? error.message : 'failed';
				// A refused address will be refused again.
				if (last.startsWith('refused')) break;
			}
		}
		return `failed: ${last}`;
	}

	/** The Bot API's sendMessage. The token sits in the URL path, so nothing here ever reports the URL. */
	async telegram(config: TelegramConfig, alert: Alert): Promise<string> {
		const body = JSON.stringify({ chat_id: config.chatId, text: `🔔 ${alert.message}\n(${alert.source}, ${new Date(alert.ts).toISOString()})` });
		try {
			const r = await post(`${config.base.replace(/\/+$/, '')}/bot${config.token}/sendMessage`, body, { 'content-type': 'application/json' }, { timeoutMs: this.#timeoutMs });
			if (r.status === 200 && /"ok"\s*:\s*true/.test(r.body)) return 'delivered';
			return `failed: HTTP ${r.status}`;
		} catch (error) {
			return `failed: ${error instanceof Error ? error.message : 'error'}`;
		}
	}

	/**
	 * One Web Push message: encrypted (aes128gcm, RFC 8291) with VAPID authorization (RFC 8292) by
	 * web-push, sent by our own guarded POST so a subscription's endpoint cannot reach inward.
	 * `gone` means the push service dropped the subscription (404/410).
	 */
	async push(sub: PushSubscriptionRecord, alert: Alert, vapid: VapidKeys, subject: string): Promise<'delivered' | 'gone' | string> {
		try {
			const details = webPush.generateRequestDetails(sub, JSON.stringify({ title: 'Crypto Monitor', body: alert.message, alert }), {
				vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
				TTL: 3_600,
				contentEncoding: 'aes128gcm'
			});
			const headers = Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
			const r = await post(details.endpoint, details.body ?? Buffer.alloc(0), headers, { timeoutMs: this.#timeoutMs, guard: this.#guard });
			if (r.status === 404 || r.status === 410) return 'gone';
			return r.status >= 200 && r.status < 300 ? 'delivered' : `failed: HTTP ${r.status}`;
		} catch (error) {
			return `failed: ${error instanceof Error ? error.message : 'error'}`;
		}
	}
}
