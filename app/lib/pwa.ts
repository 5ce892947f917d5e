import { dev } from '$app/environment';
import { base } from '$app/paths';

/**
 * Registers the generated service worker (`<base>/sw.js`, see vite.config.ts) with workbox-window,
 * which makes the app installable and lets it open offline. Not in dev: Vite serves no sw.js there.
 *
 * workbox-window is imported lazily, so it stays out of the first page load's JavaScript. The
 * worker skips waiting and claims the page; when a new version takes over an already controlled
 * page, the page reloads once, because the old version's lazily loaded chunks are gone from the
 * server and from the precache.
 */
export function registerServiceWorker(): void {
	if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	void import('workbox-window')
		.then(({ Workbox }) => {
			const wb = new Workbox(`${base}/sw.js`, { scope: `${base}/` });
			wb.addEventListener('controlling', (event) => {
				if (event.isUpdate) location.reload();
			});
			return wb.register();
		})
		.catch((e: unknown) => {
			// Without it the app still works online; only offline start and installation are lost.
			console.warn('Service worker registration failed:', e instanceof Error ? e.message : String(e));
		});
}
