import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../proxy/server';
import type { Simulator } from './server';

export interface ProxyOnSimOptions {
  /** More environment, over the defaults below (keys, a lower rate limit, discovery settings…). */
  readonly env?: Readonly<Record<string, string>>;
  /** The data folder; default a new temporary one, removed by `stop()`. Pass one to restart on the same database. */
  readonly dataDir?: string;
  /** The built app's folder; default none (the API only). */
  readonly staticRoot?: string;
}

export interface ProxyOnSim extends RunningServer {
  readonly dataDir: string;
  /** Closes the proxy, then removes the data folder if this made it. */
  stop(): Promise<void>;
}

/** The admin token a proxy started here has unless `env` says otherwise. */
export const PROXY_ON_SIM_TOKEN = 'proxy-on-sim-admin-token';

/**
 * The real proxy (`startServer`: SQLite, WebSocket hub, logs, alerts, discovery, every route) on
 * free loopback ports, with every catalog provider pointed at `sim`. The per-IP limit is set out
 * of reach (one loopback client sends all the traffic) unless `env` sets one.
 */
export async function startProxyOnSim(sim: Simulator, { env = {}, dataDir, staticRoot = '/nonexistent' }: ProxyOnSimOptions = {}): Promise<ProxyOnSim> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cm-proxy-on-sim-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    staticRoot,
    env: {
      CM_DATA_DIR: dir,
      CM_BASE_URLS: JSON.stringify({ '*': `${sim.url}/{id}` }),
      CM_ADMIN_TOKEN: PROXY_ON_SIM_TOKEN,
      CM_RATE_LIMIT_PER_MIN: '1000000000',
      ...env,
    },
  });
  return {
    ...server,
    dataDir: dir,
    stop: async () => {
      await server.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
