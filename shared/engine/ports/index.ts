/**
 * The engine touches the world only through these ports, passed in at construction.
 * Tests pass fakes (see ./fake-clock.ts); each home wires real ones (./system.ts).
 */

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names are lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * An attempt's cancellation. The signal is created only when a transport asks for it (creating
 * an AbortSignal costs more than the rest of an attempt's bookkeeping); the engine enforces its
 * timeouts itself, so a transport that ignores the signal is still cut off in time.
 */
export interface Abortable {
  readonly signal: AbortSignal;
}

export interface Transport {
  /** Rejects on network failure or abort; resolves with any HTTP status. */
  fetch(request: HttpRequest, abort: Abortable): Promise<HttpResponse>;
}

/** Persistence for small JSON values (quotas, breaker state, stats). */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

/** API keys by the env variable names a provider declares; never logged or returned. */
export interface Secrets {
  keys(names: readonly string[]): readonly string[];
}

export interface Ports {
  clock: Clock;
  random: Random;
  transport: Transport;
  store: Store;
  secrets: Secrets;
}

export { MemoryStore } from './memory-store';
export { FakeClock, SeededRandom } from './fakes';
export { systemClock, systemRandom, fetchTransport, envSecrets, noSecrets } from './system';
