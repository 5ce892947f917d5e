import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

/**
 * Paths the proxy answers itself: the service worker never answers their navigations with the app
 * shell. Matched on pathname + search, anywhere below the app's base (the proxy may sit under it).
 */
const NOT_THE_APP = [/\/(api|relay|ws|docs)(\/|\?|$)/, /\/(health|ready|metrics|openapi\.json|app-config\.json)(\?|$)/];

/**
 * The installable, offline-capable shell: a generated service worker (`sw.js`, registered by
 * app/lib/pwa.ts with workbox-window) precaches every built file, the engine worker included, and
 * answers every navigation with the SPA's index.html, so the app opens offline and shows the last
 * known data from IndexedDB. Data requests (REST, WebSocket, providers) are never cached here: the
 * engine owns freshness and staleness.
 */
const pwa = SvelteKitPWA({
	strategies: 'generateSW',
	// app/lib/pwa.ts registers it (outside dev); nothing is injected into the page.
	injectRegister: false,
	registerType: 'autoUpdate',
	filename: 'sw.js',
	manifestFilename: 'manifest.webmanifest',
	includeManifestIcons: false,
	kit: {
		// adapter-static writes build/200.html as the fallback of every path (svelte.config.js).
		adapterFallback: '200.html',
		// The precache names the market screen's page after this (build/index.html); relative, it
		// resolves beside sw.js, so the worker installs under any sub-path ('/' would be the origin's root).
		base: './',
		spa: true
	},
	manifest: {
		// Relative to the manifest's own URL, so the app installs and opens under any sub-path.
		id: './',
		start_url: './',
		scope: './',
		name: 'Crypto Monitor',
		short_name: 'CryptoMon',
		description: 'Live crypto market data from 100+ free providers with rotation, rate limits, circuit breakers and fallback; works offline.',
		// The language and direction of this manifest's own texts; the app itself switches to Persian (right to left).
		lang: 'en',
		dir: 'ltr',
		display: 'standalone',
		orientation: 'any',
		categories: ['finance', 'utilities'],
		theme_color: '#0f172a',
		background_color: '#0b1120',
		icons: [
			{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	},
	workbox: {
		// Without these (injectRegister false) the first visit's page never becomes controlled.
		clientsClaim: true,
		skipWaiting: true,
		cleanupOutdatedCaches: true,
		// Web Push and notification clicks (static/sw-push.js, plain JS), relative to sw.js. It is also
		// matched by globPatterns, so its revision is in sw.js's precache list: a changed handler
		// changes sw.js, and the browser installs the new worker.
		importScripts: ['sw-push.js'],
		// Relative to .svelte-kit/output: the client files, the engine worker (_app/immutable/workers/) included.
		globPatterns: ['client/**/*.{js,css,html,svg,png,webmanifest}'],
		// app-config.json is the deployment's (served by the proxy, may be absent): always asked fresh.
		globIgnores: ['server/**', 'client/app-config.json'],
		// The engine worker bundles the whole provider catalog (~0.4 MB today): far above workbox's 2 MB
		// default, so it is never left out; past this limit the build fails instead of skipping the file.
		maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
		// Screens are answered by their own precached page (workbox tries `<path>.html`, which has
		// relative asset paths, so sub-paths work); every other navigation gets the fallback shell …
		navigateFallback: '200.html',
		// … except the proxy's own pages and endpoints.
		navigateFallbackDenylist: NOT_THE_APP
	}
});

export default defineConfig({
	plugins: [sveltekit(), pwa],
	// The engine runs in a module worker: new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }).
	worker: {
		format: 'es'
	},
	build: {
		rolldownOptions: {
			// SvelteKit's adapter step dominates every build; the timing report only adds noise to CI logs.
			checks: { bundlerTimings: false }
		}
	},
	server: {
		// `npm run dev` serves the UI on Vite; /health and /api go to a proxy started with `npx tsx proxy/server.ts`.
		proxy: {
			'/health': 'http://127.0.0.1:8787',
			'/api': 'http://127.0.0.1:8787'
		}
	},
	test: {
		environment: 'node',
		// Playwright specs (tests/e2e/**/*.spec.ts) are never picked up here.
		include: [
			'shared/**/*.test.ts',
			'proxy/**/*.test.ts',
			'worker/**/*.test.ts',
			'app/**/*.test.ts',
			'tests/integration/**/*.test.ts',
			'tests/sim/**/*.test.ts',
			'tests/chaos/**/*.test.ts',
			'tests/fuzz/**/*.test.ts'
		],
		testTimeout: 20000
	}
});
