import type { Alert } from '../../../../shared/alerts/rules';

/** Notification permission as the screen shows it. */
export type Permission = 'granted' | 'denied' | 'default' | 'unsupported';

export function permission(): Permission {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askPermission(): Promise<Permission> {
	if (typeof Notification === 'undefined') return 'unsupported';
	return Notification.requestPermission();
}

/**
 * Shows an alert as a system notification through the service worker's registration (works while
 * the page is in the background, and is what an installed PWA must use). Quietly does nothing
 * without permission or a service worker: the in-app toast still shows it.
 */
export async function notify(alert: Alert, title: string): Promise<void> {
	if (permission() !== 'granted' || !('serviceWorker' in navigator)) return;
	try {
		const registration = await navigator.serviceWorker.ready;
		await registration.showNotification(title, { body: alert.message, tag: alert.id, data: { alertId: alert.id, ruleId: alert.ruleId } });
	} catch {
		// A notification that cannot be shown is not an error of the app's: the toast carries it.
	}
}
