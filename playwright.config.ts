import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { E2E } from './tests/e2e/ports';

/**
 * Two copies of `npm run demo` (upstream simulator + proxy serving the built app), one per mode:
 * the app in proxy mode (REST + WebSocket) and the app in direct mode (the worker's own engine
 * calling the simulator, through the proxy's relay for providers without CORS). Every spec runs in
 * both projects unless it says otherwise; nothing reaches the internet.
 */

const launchOptions = {
	// Debian's Chromium: Playwright's own browser downloads are unreachable here.
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	// The background-networking flags stop Chromium flooding the closed network with refused connections.
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
};

const demo = (mode: 'proxy' | 'direct') => {
	const { port, simPort } = E2E[mode];
	return {
		// proxy/start.ts rebuilds the app first when build/ is missing or older than its sources.
		command: 'npx tsx tests/sim/demo.ts',
		url: `http://127.0.0.1:${port}/health`,
		// A fresh data folder per run, so no breaker state or quota from an earlier run is restored.
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			SIM_PORT: String(simPort),
			CM_APP_MODE: mode,
			CM_ADMIN_TOKEN: E2E.adminToken,
			// The simulator answers Hugging Face's recorded inferences to any token; a keyed provider
			// only needs one to be tried (no real key exists anywhere in the tests).
			HUGGINGFACE_TOKEN: E2E.fakeKey,
			CM_DATA_DIR: mkdtempSync(join(tmpdir(), `cm-e2e-${mode}-`))
		},
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe' as const,
		stderr: 'pipe' as const
	};
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: { trace: 'retain-on-failure' },
	projects: [
		{
			name: 'proxy-mode',
			use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${E2E.proxy.port}`, launchOptions }
		},
		{
			name: 'direct-mode',
			use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${E2E.direct.port}`, launchOptions }
		}
	],
	webServer: [demo('proxy'), demo('direct')]
});
