import type { Capability, ParamsOf, ResultOf } from '../model';
import type { CapabilityAdapter, FailureKind, RequestSpec } from './adapter';
import type { AttemptRecord } from './answer';
import type { CircuitBreaker } from './breaker';
import type { EventBus } from './events';
import type { Persistence } from './persistence';
import { interpret } from './pipeline';
import type { HttpResponse, Ports } from './ports';
import { buildHttpRequest } from './request';
import type { ProviderRuntime } from './runtime';
import type { Member } from './strategies';
import { AttemptAbort, TIMED_OUT, type Timeout, type Timeouts } from './timeouts';

/** An attempt is not started with less than this left before the deadline. */
export const MIN_ATTEMPT_MS = 50;
/** One attempt's time when the engine is not told otherwise, ms. */
export const DEFAULT_ATTEMPT_MS = 4_000;
const LIVE = { checkFreshness: true } as const;
/** Abort reason when a hedge's winner (or the caller) cancels an attempt. */
const ABORTED = Symbol('aborted');

/** What one attempt came to: a validated answer, or the record of why not. */
export type Attempted<T> = { ok: true; value: T; source: string; latencyMs: number; at: number } | { ok: false; record: AttemptRecord };

export interface AttemptDeps {
  readonly ports: Ports;
  readonly runtimes: ReadonlyMap<string, ProviderRuntime>;
  readonly timeouts: Timeouts;
  readonly events: EventBus;
  readonly persistence: Persistence;
  readonly attemptTimeoutMs: number;
}

/**
 * Attempts against single providers: rate limits (waiting when the deadline allows), breakers,
 * the request under its timeout, interpretation of the answer, and the bookkeeping (stats,
 * cool-downs, events, quota persistence). The router decides which provider; this does one.
 */
export class Attempts {
  readonly #ports: Ports;
  readonly #runtimes: ReadonlyMap<string, ProviderRuntime>;
  readonly #timeouts: Timeouts;
  readonly #events: EventBus;
  readonly #persistence: Persistence;
  readonly #attemptTimeoutMs: number;

  constructor(deps: AttemptDeps) {
    this.#ports = deps.ports;
    this.#runtimes = deps.runtimes;
    this.#timeouts = deps.timeouts;
    this.#events = deps.events;
    this.#persistence = deps.persistence;
    this.#attemptTimeoutMs = deps.attemptTimeoutMs;
  }

  /**
   * One attempt against one provider: limits, breakers, transport with timeout, interpretation,
   * bookkeeping. Skips return at once; a sent request settles through one promise.
   * `now` is the clock as the caller just read it.
   */
  run<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    member: Member,
    deadline: number,
    now: number,
    signal?: AbortSignal,
  ): Attempted<ResultOf<C>> | Promise<Attempted<ResultOf<C>>> {
    const rt = this.#runtimes.get(member.id) as ProviderRuntime;
    const adapter = rt.spec.capabilities[capability];
    const endpoint = rt.endpoints.get(capability);
    if (!adapter || !endpoint) return skipped(member.id, 'unsupported', `does not offer ${capability}`);

    const spec = adapter.request(params, { now, symbolId: rt.symbolId, learn: rt.learn });
    if (typeof spec === 'string') return skipped(member.id, 'unsupported', spec);
    const weight = spec.weight ?? 1;

    const pick = rt.pickKey(weight, now);
    if (pick.wait > 0) return this.#attemptAfterWait(capability, params, member, deadline, signal, rt, adapter, endpoint, spec, weight, pick.wait);
    return this.#send(capability, params, member, deadline, now, signal, rt, adapter, endpoint, spec, weight, pick.key, pick.label);
  }

  /** The rate limit asks for a wait: wait if the deadline allows, then try the keys again. */
  async #attemptAfterWait<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    member: Member,
    deadline: number,
    signal: AbortSignal | undefined,
    rt: ProviderRuntime,
    adapter: CapabilityAdapter<C>,
    endpoint: CircuitBreaker,
    spec: RequestSpec,
    weight: number,
    wait: number,
  ): Promise<Attempted<ResultOf<C>>> {
    const { clock } = this.#ports;
    if (clock.now() + wait + MIN_ATTEMPT_MS > deadline) {
      rt.refreshCool(clock.now());
      return skipped(member.id, 'limit_wait', `rate limit: next slot in ${Math.ceil(wait)} ms`);
    }
    await this.#sleep(wait);
    const now = clock.now();
    const pick = rt.pickKey(weight, now);
    if (pick.wait > 0) return skipped(member.id, 'limit_wait', `rate limit: next slot in ${Math.ceil(pick.wait)} ms`);
    return this.#send(capability, params, member, deadline, now, signal, rt, adapter, endpoint, spec, weight, pick.key, pick.label);
  }

  /** Breakers, then the request with its timeout; the answer is judged in #settleAttempt. */
  #send<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    member: Member,
    deadline: number,
    now: number,
    signal: AbortSignal | undefined,
    rt: ProviderRuntime,
    adapter: CapabilityAdapter<C>,
    endpoint: CircuitBreaker,
    spec: RequestSpec,
    weight: number,
    key: string,
    label: string,
  ): Attempted<ResultOf<C>> | Promise<Attempted<ResultOf<C>>> {
    if (!rt.breaker.tryAcquire()) return skipped(member.id, 'breaker_open', 'provider breaker open');
    if (!endpoint.tryAcquire()) {
      rt.breaker.onNeutral();
      return skipped(member.id, 'breaker_open', `${capability} breaker open`);
    }

    rt.limiter.take(label, weight, now);
    rt.live.inflight++;
    rt.live.used++;
    const start = now;
    const abort = new AttemptAbort();
    const timeout = this.#timeouts.schedule(Math.min(this.#attemptTimeoutMs, deadline - start), abort, start);
    const onAbort = signal ? () => abort.abort(ABORTED) : undefined;
    if (signal && onAbort) signal.addEventListener('abort', onAbort, { once: true });

    // One state object and inline callbacks (no named closure per request: tsx's keepNames would
    // wrap each one in a defineProperty call).
    return new Promise<Attempted<ResultOf<C>>>((resolve, reject) => {
      const sent: Sent<C> = { done: false, resolve, reject, capability, params, member, signal, onAbort, abort, timeout, rt, adapter, endpoint, key, label, start };
      // An abort (timeout, caller) settles the attempt even if the transport never looks; like a
      // rejection, it is handled on a later microtask, never inside the timer or the caller's abort().
      abort.onAbort = (reason) => queueMicrotask(() => this.#land(sent, undefined, reason));
      try {
        this.#ports.transport.fetch(buildHttpRequest(rt.spec, spec, key || undefined), abort).then(
          (response) => this.#land(sent, response, undefined),
          (e: unknown) => this.#land(sent, undefined, e),
        );
      } catch (e) {
        queueMicrotask(() => this.#land(sent, undefined, e));
      }
    });
  }

  /** The first of answer, error or abort settles a sent attempt; later ones are ignored. */
  #land<C extends Capability>(sent: Sent<C>, response: HttpResponse | undefined, error: unknown): void {
    if (sent.done) return;
    sent.done = true;
    const { signal, onAbort, rt } = sent;
    this.#timeouts.cancel(sent.timeout);
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    rt.live.inflight--;
    try {
      sent.resolve(
        this.#settleAttempt(sent.capability, sent.params, sent.member, signal, sent.abort, rt, sent.adapter, sent.endpoint, sent.key, sent.label, sent.start, response, error),
      );
    } catch (e) {
      sent.reject(e);
    }
  }

  /** Interpretation and bookkeeping of a finished request (`response` undefined: it failed with `error`). */
  #settleAttempt<C extends Capability>(
    capability: C,
    params: ParamsOf<C>,
    member: Member,
    signal: AbortSignal | undefined,
    abort: AttemptAbort,
    rt: ProviderRuntime,
    adapter: CapabilityAdapter<C>,
    endpoint: CircuitBreaker,
    key: string,
    label: string,
    start: number,
    response: HttpResponse | undefined,
    error: unknown,
  ): Attempted<ResultOf<C>> {
    let kind: FailureKind | 'aborted' | undefined;
    let message = '';
    if (!response) {
      const timedOut = abort.reason === TIMED_OUT;
      kind = timedOut ? 'timeout' : signal?.aborted ? 'aborted' : 'network';
      message = timedOut ? 'no answer in time' : redact(errorText(error), key);
    }
    const at = this.#ports.clock.now();
    const latencyMs = at - start;
    if (response) {
      rt.limiter.learn(label, response.headers);
      const r = interpret(rt.spec, adapter, response, params, { now: at, symbolId: rt.symbolId, learn: rt.learn }, LIVE);
      if (r.ok) {
        rt.settle(endpoint, 'ok', latencyMs, at);
        this.#record(rt, capability, true, undefined, latencyMs, at);
        return { ok: true, value: r.value, source: member.id, latencyMs, at };
      }
      kind = r.kind;
      message = redact(r.message, key);
      if (r.kind === 'rate_limited' || r.kind === 'auth') {
        const until = at + (r.retryAfterMs ?? (r.kind === 'auth' ? 15 * 60_000 : 60_000));
        rt.limiter.coolUntil(label, until);
        rt.refreshCool(at);
        this.#events.emit('rate-limit', { provider: member.id, until, reason: r.kind === 'auth' ? 'key refused' : 'HTTP 429 / quota', at });
      }
    }
    const failed = kind ?? 'network';
    if (failed === 'aborted') {
      rt.settle(endpoint, 'unsupported', latencyMs);
      return { ok: false, record: { provider: member.id, outcome: 'aborted', latencyMs } };
    }
    rt.settle(endpoint, failed, latencyMs);
    this.#record(rt, capability, false, failed, latencyMs, at);
    return { ok: false, record: { provider: member.id, outcome: failed, message, latencyMs } };
  }

  /** `run` as a promise in every case (a synchronous throw becomes a rejection). */
  runAsync<C extends Capability>(capability: C, params: ParamsOf<C>, member: Member, deadline: number, signal?: AbortSignal): Promise<Attempted<ResultOf<C>>> {
    try {
      return Promise.resolve(this.run(capability, params, member, deadline, this.#ports.clock.now(), signal));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  #record(rt: ProviderRuntime, capability: Capability, ok: boolean, kind: FailureKind | undefined, latencyMs: number, at: number): void {
    const stats = rt.stats.get(capability);
    if (stats) {
      stats.recordCall(ok, latencyMs, at, kind);
      if (ok) rt.live.latency = stats.ewmaLatencyMs();
    }
    if (this.#events.has('request')) {
      this.#events.emit('request', kind === undefined ? { capability, provider: rt.spec.id, ok, latencyMs, at } : { capability, provider: rt.spec.id, ok, kind, latencyMs, at });
    }
    this.#persistence.quotaTouched(rt);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.#ports.clock.setTimeout(resolve, ms));
  }
}

/** A request on its way, as #land needs it. */
interface Sent<C extends Capability> {
  done: boolean;
  readonly resolve: (a: Attempted<ResultOf<C>>) => void;
  readonly reject: (e: unknown) => void;
  readonly capability: C;
  readonly params: ParamsOf<C>;
  readonly member: Member;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
  readonly abort: AttemptAbort;
  readonly timeout: Timeout;
  readonly rt: ProviderRuntime;
  readonly adapter: CapabilityAdapter<C>;
  readonly endpoint: CircuitBreaker;
  readonly key: string;
  readonly label: string;
  readonly start: number;
}

const skipped = (provider: string, outcome: AttemptRecord['outcome'], message: string): Attempted<never> => ({
  ok: false,
  record: { provider, outcome, message, latencyMs: 0 },
});

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? `${e.message} (${cause.code})` : e.message;
  }
  return String(e);
}

/** Keys never travel in messages, even when a transport echoes a URL. */
function redact(text: string, key: string): string {
  return key ? text.split(key).join('***') : text;
}
