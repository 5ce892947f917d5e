import type { Capability, ParamsInput, ResultOf } from '../../../shared/model';
import type { DataAnswer, DataOptions, Mode, Result, Settings } from '../../../shared/api/monitor';
import { connect, type AppClient } from './client';

/**
 * The page's client as reactive state, and `useData` for screens: a request kept fresh while the
 * component that asked for it is mounted.
 */

class Session {
	client = $state.raw<AppClient | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	mode = $state<Mode | undefined>(undefined);
	settings = $state.raw<Settings | undefined>(undefined);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	/** Ticks every second: ages on screen follow it. */
	now = $state(Date.now());
}

export const session = new Session();

let started: Promise<AppClient | undefined> | undefined;

/** Starts the client once; screens await `ready()` for it. */
export function ready(): Promise<AppClient | undefined> {
	started ??= connect().then((r) => {
		if (!r.ok) {
			session.error = r.message;
			return undefined;
		}
		session.client = r.value;
		session.mode = r.value.mode;
		session.settings = r.value.settings;
		void r.value.settled.then((s) => (session.settings = s));
		return r.value;
	});
	return started;
}

/** Saves settings and publishes them to the page. */
export async function saveSettings(patch: Partial<Settings>): Promise<Result<Settings>> {
	const client = await ready();
	if (!client) return { ok: false, code: 'unavailable', message: session.error ?? 'not started' };
	const r = await client.saveSettings(patch);
	if (r.ok) session.settings = r.value;
	return r;
}

if (typeof window !== 'undefined') {
	setInterval(() => (session.now = Date.now()), 1_000);
	window.addEventListener('online', () => (session.online = true));
	window.addEventListener('offline', () => (session.online = false));
}

export interface DataState<T> {
	/** The latest good answer (kept while a refresh fails, then shown as stale). */
	answer: DataAnswer<T> | undefined;
	/** The latest failure's message, cleared by the next good answer. */
	error: string | undefined;
	/** No answer yet for the current params. */
	loading: boolean;
	/** Ask again now (skips the engine's cache). */
	refresh: () => void;
}

/**
 * A DataState whose answer is held as it came (`$state.raw`): answers are replaced whole, never
 * edited, and a deep proxy over hundreds of rows (every chain's TVL, a year of fear & greed) sent
 * every read of a row through proxy traps. The Market screen's script time over its first 4 s
 * went from 403 to 307 ms (mean of 4 loads each, on a noisy machine).
 */
class DataCell<T> implements DataState<T> {
	answer: DataAnswer<T> | undefined = $state.raw(undefined);
	error: string | undefined = $state(undefined);
	loading = $state(true);
	/** Replaced once the engine is ready; templates that bound it early see the new one. */
	refresh: () => void = $state(() => {});
}

/**
 * Watches `capability` with the params `params()` returns (re-watching when they change; nothing
 * while it returns undefined), refreshed every `intervalMs` while the calling component lives.
 * Call during component initialisation.
 */
export function useData<C extends Capability>(capability: C, params: () => ParamsInput<C> | undefined, intervalMs: number, options?: DataOptions): DataState<ResultOf<C>> {
	const state = new DataCell<ResultOf<C>>();
	$effect(() => {
		const p = params();
		state.answer = undefined;
		state.error = undefined;
		state.loading = p !== undefined;
		if (p === undefined) return;
		const plain = $state.snapshot(p) as ParamsInput<C>;
		let stop: (() => void) | undefined;
		let closed = false;
		const onResult = (r: Result<DataAnswer<ResultOf<C>>>) => {
			if (closed) return;
			if (r.ok) {
				state.answer = r.value;
				state.error = undefined;
			} else state.error = r.message;
			state.loading = false;
		};
		void ready().then((client) => {
			if (closed) return;
			if (!client) {
				onResult({ ok: false, code: 'unavailable', message: session.error ?? 'not started' });
				return;
			}
			stop = client.watch(capability, plain, intervalMs, onResult, options);
			state.refresh = () => void client.data(capability, plain, { ...options, fresh: true }).then(onResult);
		});
		return () => {
			closed = true;
			stop?.();
		};
	});
	return state;
}

/** A one-off call with loading/error state, for screens' lists (providers, pools, logs…). */
export interface CallState<T> {
	value: T | undefined;
	error: string | undefined;
	loading: boolean;
	reload: () => Promise<void>;
}

/** Runs `call` now and every `intervalMs` (0: once) while the component lives; `reload()` runs it again. */
export function useCall<T>(call: (client: AppClient) => Promise<Result<T>>, intervalMs = 0): CallState<T> {
	const state: CallState<T> = $state({ value: undefined, error: undefined, loading: true, reload: async () => {} });
	$effect(() => {
		let closed = false;
		let timer: ReturnType<typeof setInterval> | undefined;
		const run = async () => {
			const client = await ready();
			if (closed) return;
			if (!client) {
				state.error = session.error;
				state.loading = false;
				return;
			}
			const r = await call(client);
			if (closed) return;
			if (r.ok) {
				state.value = r.value;
				state.error = undefined;
			} else state.error = r.message;
			state.loading = false;
		};
		state.reload = run;
		void run();
		if (intervalMs > 0) timer = setInterval(() => void run(), intervalMs);
		return () => {
			closed = true;
			clearInterval(timer);
		};
	});
	return state;
}
