/**
 * `npm run sim`: the upstream simulator alone, on SIM_PORT (default 8790).
 * Point a proxy at it with CM_BASE_URLS='{"*":"http://127.0.0.1:8790/{id}"}'.
 */
import { allProviders } from '../../shared/catalog/registry';
import { startSimulator } from './server';

const port = Number(process.env.SIM_PORT ?? 8790);
const sim = await startSimulator({ providers: allProviders(), port });
console.log(`Upstream simulator on ${sim.url} (providers at ${sim.url}/<id>; faults: POST ${sim.url}/_sim/faults)`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
