import type { Clock, Store, TimerHandle } from './ports';
import type { ProviderRuntime } from './runtime';

/**
 * Writes what must survive a restart (day/month quotas, breaker state) to the store, batched:
 * a change marks the provider dirty and one timer flushes them all after `delayMs`.
 * Store keys: `quota:<provider>` (limiter snapshot), `breaker:<provider>` (breaker snapshots).
 */
export class Persistence {
  readonly #dirty = new Set<string>();
  readonly #savedQuotaVersion = new Map<string, number>();
  #timer: TimerHandle | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly runtime: (id: string) => ProviderRuntime | undefined,
    private readonly delayMs: number,
  ) {}

  /** After a request: persist the quota if the limiter's persisted counters moved. */
  quotaTouched(rt: ProviderRuntime): void {
    if (rt.limiter.version !== (this.#savedQuotaVersion.get(rt.spec.id) ?? 0)) this.mark(`quota:${rt.spec.id}`);
  }

  breakerChanged(provider: string): void {
    this.mark(`breaker:${provider}`);
  }

  mark(key: string): void {
    this.#dirty.add(key);
    if (this.#timer) return;
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  /** Write every dirty entry now. */
  async flush(): Promise<void> {
    const keys = [...this.#dirty];
    this.#dirty.clear();
    for (const key of keys) {
      const [kind, id] = key.split(':') as [string, string];
      const rt = this.runtime(id);
      if (!rt) continue;
      if (kind === 'quota') {
        this.#savedQuotaVersion.set(id, rt.limiter.version);
        await this.store.set(key, rt.limiter.snapshot());
      } else {
        await this.store.set(key, rt.breakerSnapshots());
      }
    }
  }

  async close(): Promise<void> {
    if (this.#timer) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}
