/*
 * Alerts in the service worker (plain JS: loaded into the generated sw.js by workbox's
 * importScripts, see vite.config.ts). `push` shows the proxy's Web Push message
 * ({ title, body, alert }, proxy/alerts/deliver.ts) as a notification; a click on any alert
 * notification (pushed, or shown by the page through registration.showNotification) focuses the
 * app on its Alerts screen, or opens it. Paths are relative to the worker's scope, so the app
 * works under any sub-path.
 */
/* eslint-env serviceworker */

const ALERTS_PATH = 'alerts';

/** The push message as sent by the proxy; anything else still shows, as plain text. */
function readPush(data) {
	if (!data) return {};
	try {
		const parsed = data.json();
		return parsed && typeof parsed === 'object' ? parsed : {};
	} catch {
		return { body: data.text() };
	}
}

self.addEventListener('push', (event) => {
	const message = readPush(event.data);
	const alert = message.alert && typeof message.alert === 'object' ? message.alert : {};
	const title = typeof message.title === 'string' && message.title !== '' ? message.title : 'Crypto Monitor';
	const body = typeof message.body === 'string' ? message.body : '';
	// A push must always show a notification (userVisibleOnly), so a malformed one still does.
	event.waitUntil(
		self.registration.showNotification(title, {
			body,
			tag: typeof alert.id === 'string' ? alert.id : undefined,
			icon: new URL('icons/icon-192.png', self.registration.scope).href,
			data: { alertId: alert.id, ruleId: alert.ruleId }
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const target = new URL(ALERTS_PATH, self.registration.scope).href;
	event.waitUntil(
		(async () => {
			const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((w) => w.url === target) ?? windows[0];
			if (!open) return self.clients.openWindow(target);
			const focused = await open.focus();
			return focused.url === target ? focused : focused.navigate(target);
		})()
	);
});
