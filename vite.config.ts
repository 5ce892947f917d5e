import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
			'tests/sim/**/*.test.ts'
		],
		testTimeout: 20000
	}
});
