// @ts-check
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our code; libraries in node_modules keep their own mode.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// A static SPA: every screen is a real page (app/routes/+layout.ts prerenders the shells, with
		// relative paths, so any sub-path works); other paths fall back to 200.html, which the proxy,
		// a host with SPA rewrites and the service worker serve (it cannot be index.html, which is
		// now the market screen's own page).
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: '200.html',
			precompress: false,
			strict: true
		}),
		// The design card fixes the source folder as app/ instead of src/.
		files: {
			src: 'app',
			routes: 'app/routes',
			lib: 'app/lib',
			params: 'app/params',
			appTemplate: 'app/app.html',
			errorTemplate: 'app/error.html',
			hooks: {
				client: 'app/hooks.client',
				server: 'app/hooks.server',
				universal: 'app/hooks'
			},
			serviceWorker: 'app/service-worker',
			assets: 'static'
		},
		// The PWA plugin (a later issue) registers its own service worker with workbox-window.
		serviceWorker: {
			register: false
		}
	}
};

export default config;
