/**
 * `npm run demo`: the product with no network. Starts the upstream simulator, then the proxy
 * (building the app when needed) with every provider pointed at the simulator.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { allProviders } from '../../shared/catalog/registry';
import { startSimulator } from './server';

const sim = await startSimulator({ providers: allProviders(), port: Number(process.env.SIM_PORT ?? 8790) });
console.log(`Upstream simulator on ${sim.url} — inject faults with: curl -X POST ${sim.url}/_sim/faults -d '{"provider":"coingecko","kind":"server_error"}'`);

const baseUrls = JSON.stringify({ '*': `${sim.url}/{id}` });
const root = fileURLToPath(new URL('../..', import.meta.url));
const proxy = spawn(process.execPath, ['--import', 'tsx', 'proxy/start.ts'], {
  cwd: root,
  stdio: 'inherit',
  // Its own data folder: breaker state and quotas earned against the simulator must never carry
  // over to a real run.
  // The app's direct mode goes to the same simulator (CM_APP_BASE_URLS), and the relay may reach it
  // on loopback for the providers that send no CORS headers.
  env: { CM_DATA_DIR: 'data/demo', ...process.env, CM_BASE_URLS: baseUrls, CM_APP_BASE_URLS: baseUrls, CM_RELAY_ALLOW_LOOPBACK: '1' },
});

const stop = () => {
  proxy.kill('SIGTERM');
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
proxy.on('exit', (code) => {
  void sim.close().then(() => process.exit(code ?? 0));
});
