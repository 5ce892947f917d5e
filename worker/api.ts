import type { Capability, ParamsInput, ResultOf } from '../shared/model';
import type { AppConfig, DataAnswer, DataOptions, MonitorApi, Result, Settings } from '../shared/api/monitor';

/**
 * What `engine.worker.ts` exposes over comlink. Only `app/lib/engine/client.ts` calls it.
 *
 * Direct mode answers `MonitorApi` with the worker's own engine (the leading tab's, when several
 * tabs are open); proxy mode uses only the storage half (settings, keys, last known answers).
 */
export interface WorkerApi extends MonitorApi {
  /** Load settings and, in direct mode, build the engine (or follow the leading tab's). Call once per page. */
  init(config: AppConfig, mode: 'direct' | 'proxy'): Promise<Result<{ leader: boolean; settings: Settings }>>;
  settings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  /** Names of the keys entered for direct mode (e.g. `ETHERSCAN_KEY`); never the keys. */
  keyNames(): Promise<string[]>;
  setKey(name: string, value: string): Promise<Result<{ name: string }>>;
  deleteKey(name: string): Promise<Result<{ name: string }>>;
  /** Keep an answer as the last known one for its request (both modes; for offline and first paint). */
  remember(key: string, answer: DataAnswer<unknown>): Promise<void>;
  recall(key: string): Promise<DataAnswer<unknown> | undefined>;
  /**
   * Poll a request while a screen needs it: answers go to `onResult` (a comlink proxy) at once (last
   * known first, when there is one) and then every `intervalMs`. Returns an id for `unwatch`.
   */
  watch<C extends Capability>(
    capability: C,
    params: ParamsInput<C>,
    intervalMs: number,
    onResult: (r: Result<DataAnswer<ResultOf<C>>>) => void,
    options?: DataOptions,
  ): Promise<number>;
  unwatch(id: number): Promise<void>;
}

/** The key under which a request's last known answer is kept. */
export const requestKey = (capability: string, params: unknown): string => `${capability}:${stableJson(params)}`;

/** JSON with object keys sorted, so equal params give equal keys. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
