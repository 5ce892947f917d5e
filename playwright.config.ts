import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** The proxy under test serves the built app; a port of its own so a running `npm start` is untouched. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The upstream simulator every provider points at (tests/e2e/prices.spec.ts reads the same variable). */
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4174);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					// Debian's Chromium: Playwright's own browser downloads are unreachable here.
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					// The background-networking flags stop Chromium flooding the closed network with refused connections.
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic'
					]
				}
			}
		}
	],
	webServer: {
		// `npm run demo`: the upstream simulator, then the proxy (proxy/start.ts rebuilds the app first
		// when build/ is missing or older than its sources) with every provider pointed at the simulator,
		// so no test needs the internet.
		command: 'npx tsx tests/sim/demo.ts',
		url: `${baseURL}/health`,
		// A fresh data folder per run, so no breaker state or quota from an earlier run is restored.
		env: { PORT: String(PORT), HOST: '127.0.0.1', SIM_PORT: String(SIM_PORT), CM_DATA_DIR: mkdtempSync(join(tmpdir(), 'cm-e2e-')) },
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
