import { fail, ok, type MonitorApi, type Result } from '../../../../shared/api/monitor';

/** How long to wait for the service worker: none registers in dev, and `ready` would never settle. */
const READY_MS = 10_000;

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
	const raw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

const sameKey = (a: ArrayBuffer | null, b: Uint8Array): boolean => {
	if (!a || a.byteLength !== b.byteLength) return false;
	const view = new Uint8Array(a);
	return view.every((v, i) => v === b[i]);
};

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), READY_MS)));
	try {
		return await Promise.race([navigator.serviceWorker.ready, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Subscribes this browser to the proxy's Web Push (alerts arrive while the app is closed) and
 * registers the subscription with the proxy. Failure codes: `unsupported` (no service worker or
 * Push API), `no_proxy` (direct mode), `push_unavailable` (the browser's push service refused, e.g.
 * a browser without one), or the proxy's own (`admin_token`, …). In-page notifications do not
 * depend on any of this.
 */
export async function subscribePush(client: Pick<MonitorApi, 'alertPushKey' | 'subscribeAlertPush'>): Promise<Result<{ subscribed: true }>> {
	if (!('serviceWorker' in navigator) || typeof PushManager === 'undefined') return fail('unsupported', 'this browser has no Push API');
	const key = await client.alertPushKey();
	if (!key.ok) return key;
	const reg = await registration();
	if (!reg) return fail('push_unavailable', 'no service worker is active');
	let subscription: PushSubscription;
	try {
		const applicationServerKey = keyBytes(key.value.publicKey);
		const existing = await reg.pushManager.getSubscription();
		// A subscription made for another key (the proxy's data was reset) would never be delivered to.
		if (existing && !sameKey(existing.options.applicationServerKey, applicationServerKey)) await existing.unsubscribe();
		subscription = existing && sameKey(existing.options.applicationServerKey, applicationServerKey) ? existing : await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
	} catch (error) {
		return fail('push_unavailable', error instanceof Error ? error.message : 'the push service refused');
	}
	const json = subscription.toJSON();
	const p256dh = json.keys?.p256dh;
	const auth = json.keys?.auth;
	if (!json.endpoint || !p256dh || !auth) return fail('push_unavailable', 'the subscription has no endpoint or keys');
	const r = await client.subscribeAlertPush({ endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh, auth } });
	return r.ok ? ok(r.value) : r;
}
