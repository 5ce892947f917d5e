import { allProviders } from '../../shared/catalog/registry';
import type { RunningServer } from '../../proxy/server';
import { startProxyOnSim } from '../sim/proxy';
import { startSimulator, type Simulator } from '../sim/server';

export const FUZZ_TOKEN = 'fuzz-admin-token';

export interface FuzzServer {
  readonly sim: Simulator;
  readonly server: RunningServer;
  /** Requests the fuzzed server tried to send anywhere but loopback (refused; must stay 0). */
  readonly offLoopback: string[];
  close(): Promise<void>;
}

/**
 * The real proxy (startServer: SQLite in a temp dir, WebSocket hub, logs, alerts, discovery) with
 * every provider on the loopback simulator. A fuzzer may build a valid request that adds a
 * provider or a webhook with any URL, so fetch is guarded: anything but 127.0.0.1 is refused
 * (and recorded) instead of reaching the internet.
 */
export async function startFuzzServer(): Promise<FuzzServer> {
  const offLoopback: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1') {
      offLoopback.push(url.origin);
      return Promise.reject(new TypeError(`fuzz: refused to leave loopback (${url.origin})`));
    }
    return realFetch(input, init);
  };
  const sim = await startSimulator({ providers: allProviders() });
  const server = await startProxyOnSim(sim, {
    env: {
      CM_ADMIN_TOKEN: FUZZ_TOKEN,
      CM_DISCOVERY_INTERVAL_H: '0',
      CM_DISCOVERY_SOURCES: 'chain-registry',
      CM_DISCOVERY_REGISTRY_URL: `${sim.url}/no-such-registry/chains.json`,
    },
  });
  return {
    sim,
    server,
    offLoopback,
    close: async () => {
      await server.stop();
      await sim.close();
      globalThis.fetch = realFetch;
    },
  };
}
