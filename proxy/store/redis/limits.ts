import type { Redis } from 'ioredis';
import type { LimitSpec } from '../../../shared/engine/adapter';
import { utcDayStart, utcMonthStart } from '../../../shared/engine/limiter';
import type { Abortable, HttpRequest, HttpResponse, Transport } from '../../../shared/engine/ports';

/**
 * Provider limits shared by every proxy process on one Redis. One budget per provider per key
 * label, as the in-process limiter keeps, checked and taken atomically in one Lua script:
 * - perSecond / perMinute / perHour: exact sliding windows, a sorted set of call times per window
 *   (no window of that length, aligned or not, ever holds more than the declared count);
 * - perDay / perMonth: counters per calendar UTC period, expiring after the period ends.
 * The script reads Redis's own clock, so processes on different machines agree on "now".
 */

const DAY_MS = 86_400_000;
const SECOND_MS = 1_000;
/** Wait reported for a weight no window can ever hold. */
const NEVER_MS = DAY_MS;

/**
 * KEYS[1] = sequence counter (unique members), KEYS[2..1+nw] = window sorted sets,
 * KEYS[2+nw..] = calendar counters.
 * ARGV[1] = weight, ARGV[2] = nw, then (windowMs, limit) per window, then (limit, resetAt) per counter.
 * Returns 0 when the call was admitted (and counted), else the ms until it could be.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local weight = tonumber(ARGV[1])
local nw = tonumber(ARGV[2])
local nc = #KEYS - 1 - nw
local base = 2 + 2 * nw
local wait = 0
for i = 1, nw do
  local key = KEYS[1 + i]
  local ms = tonumber(ARGV[1 + 2 * i])
  local limit = tonumber(ARGV[2 + 2 * i])
  if weight > limit then return ${NEVER_MS} end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - ms)
  local used = redis.call('ZCARD', key)
  if used + weight > limit then
    local idx = used + weight - limit - 1
    local oldest = redis.call('ZRANGE', key, idx, idx, 'WITHSCORES')
    local w = tonumber(oldest[2]) + ms - now
    if w > wait then wait = w end
  end
end
for j = 1, nc do
  local key = KEYS[1 + nw + j]
  local limit = tonumber(ARGV[base + 2 * j - 1])
  local resetAt = tonumber(ARGV[base + 2 * j])
  if weight > limit then return ${NEVER_MS} end
  local used = tonumber(redis.call('GET', key) or '0')
  if used + weight > limit then
    local w = resetAt - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return math.max(1, math.ceil(wait)) end
for i = 1, nw do
  local key = KEYS[1 + i]
  local ms = tonumber(ARGV[1 + 2 * i])
  for k = 1, weight do
    local seq = redis.call('INCR', KEYS[1])
    redis.call('ZADD', key, now, now .. '-' .. seq)
  end
  redis.call('PEXPIRE', key, ms + 1000)
end
for j = 1, nc do
  local key = KEYS[1 + nw + j]
  local resetAt = tonumber(ARGV[base + 2 * j])
  redis.call('INCRBY', key, weight)
  redis.call('PEXPIREAT', key, resetAt + 60000)
end
return 0
`;

export class SharedLimits {
	readonly #redis: Redis;
	readonly #prefix: string;
	#sha: string | undefined;

	constructor(redis: Redis, prefix = 'cm:rl') {
		this.#redis = redis;
		this.#prefix = prefix;
	}

	/**
	 * Admit one call of `provider` with the key labelled `label` (never the secret itself) against
	 * every declared window: 0 when admitted (and counted everywhere), else ms until a slot frees.
	 */
	async admit(provider: string, label: string, limits: LimitSpec, weight = 1, now = Date.now()): Promise<number> {
		// The hash tag keeps one budget's keys in one slot (Redis Cluster).
		const tag = `${this.#prefix}:{${provider}|${label}}`;
		const keys: string[] = [`${tag}:seq`];
		const windows: number[] = [];
		const counters: number[] = [];
		const windowed: Array<[number | undefined, number]> = [
			[limits.perSecond, SECOND_MS],
			[limits.perMinute, 60 * SECOND_MS],
			[limits.perHour, 3_600 * SECOND_MS]
		];
		for (const [limit, ms] of windowed) {
			if (limit === undefined) continue;
			keys.push(`${tag}:w${ms}`);
			windows.push(ms, limit);
		}
		if (limits.perDay !== undefined) {
			const start = utcDayStart(now);
			keys.push(`${tag}:d${start}`);
			counters.push(limits.perDay, start + DAY_MS);
		}
		if (limits.perMonth !== undefined) {
			keys.push(`${tag}:m${utcMonthStart(now)}`);
			counters.push(limits.perMonth, utcMonthStart(now, 1));
		}
		if (keys.length === 1) return 0;
		const args = [weight, windows.length / 2, ...windows, ...counters].map(String);
		const result = await this.#run(keys, args);
		return typeof result === 'number' ? result : Number(result);
	}

	async #run(keys: string[], args: string[]): Promise<unknown> {
		this.#sha ??= String(await this.#redis.script('LOAD', ADMIT));
		try {
			return await this.#redis.evalsha(this.#sha, keys.length, ...keys, ...args);
		} catch (error) {
			// The script cache is emptied by SCRIPT FLUSH or a restart of Redis: load it again.
			if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
			this.#sha = String(await this.#redis.script('LOAD', ADMIT));
			return this.#redis.evalsha(this.#sha, keys.length, ...keys, ...args);
		}
	}
}

/** What the transport needs to know of a provider: its base URL, limits and configured keys. */
export interface LimitedProvider {
	readonly id: string;
	readonly baseUrl: string;
	readonly limits: LimitSpec;
	/** Configured secrets, in order; `''` for keyless. Only used to find the label of the key a request carries. */
	readonly keys: readonly string[];
}

/**
 * A transport that asks the shared budget before each upstream call. The engine's own limiter has
 * already admitted the call for this process; when the budget shared with the other processes is
 * spent, the call is not made and the engine gets a 429 with Retry-After instead, so it cools the
 * key until then and moves on to the next provider as it would for a real 429 (which counts
 * against no breaker). If Redis cannot answer, the call goes ahead (each process's own limiter
 * still holds).
 */
export function sharedLimitTransport(
	inner: Transport,
	limits: SharedLimits,
	providers: () => readonly LimitedProvider[],
	onError: (error: unknown) => void = () => undefined
): Transport {
	let index: { at: number; list: LimitedProvider[] } = { at: -Infinity, list: [] };
	const lookup = (url: string): LimitedProvider | undefined => {
		const now = Date.now();
		// Providers can be added at run time: the index is rebuilt at most once a second.
		if (now - index.at > 1_000) index = { at: now, list: [...providers()].sort((a, b) => b.baseUrl.length - a.baseUrl.length) };
		for (const p of index.list) {
			if (!url.startsWith(p.baseUrl)) continue;
			const next = url.charAt(p.baseUrl.length);
			if (next === '' || next === '/' || next === '?' || next === '#') return p;
		}
		return undefined;
	};
	return {
		async fetch(request: HttpRequest, abort: Abortable): Promise<HttpResponse> {
			const provider = lookup(request.url);
			if (provider) {
				let wait = 0;
				try {
					wait = await limits.admit(provider.id, keyLabelOf(provider.keys, request), provider.limits);
				} catch (error) {
					onError(error);
				}
				if (wait > 0) {
					return {
						status: 429,
						headers: { 'retry-after': String(Math.max(1, Math.ceil(wait / 1_000))), 'x-cm-shared-limit': '1' },
						body: JSON.stringify({ error: 'shared rate limit: the budget shared by every proxy process is spent' })
					};
				}
			}
			return inner.fetch(request, abort);
		}
	};
}

/** The engine's label for the key a request carries (`key1`, `key2` …, `anonymous`). */
export function keyLabelOf(keys: readonly string[], request: HttpRequest): string {
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		if (!key) continue;
		if (request.url.includes(key) || (request.body?.includes(key) ?? false)) return `key${i + 1}`;
		for (const value of Object.values(request.headers)) if (value.includes(key)) return `key${i + 1}`;
	}
	return 'anonymous';
}
