import { session, useCall, type CallState } from '$lib/engine/state.svelte';
import type { AppClient } from '$lib/engine/client';
import type { Result } from '../../../../shared/api/monitor';

/** A `useCall` that also remembers when its last good answer arrived (shown as "updated … ago"). */
export interface LiveState<T> extends CallState<T> {
	/** Epoch ms of the last good answer; undefined before the first. */
	readonly at: number | undefined;
}

/**
 * Loads `call` now and every `intervalMs` (0: once) while the calling component lives, keeping
 * the previous value on screen while the next one loads (no flicker). Call during component init.
 */
export function useLive<T>(call: (client: AppClient) => Promise<Result<T>>, intervalMs = 0): LiveState<T> {
	const stamp = $state<{ at: number | undefined }>({ at: undefined });
	const state = useCall(async (client) => {
		const r = await call(client);
		if (r.ok) stamp.at = Date.now();
		return r;
	}, intervalMs);
	return {
		get value() {
			return state.value;
		},
		get error() {
			return state.error;
		},
		get loading() {
			return state.loading;
		},
		get at() {
			return stamp.at;
		},
		reload: () => state.reload()
	};
}

/** Which engine answers the operations screens (they read the engine itself, not an upstream). */
export const engineSource = (): 'proxy' | 'direct' | undefined => session.mode;
