import { num, t } from '$lib/i18n/index.svelte';

/** A duration in ms as one rounded unit: "45 s", "12 min", "3.5 h", "2 d". */
export function duration(ms: number): string {
	const s = ms / 1000;
	if (s < 90) return t('status.duration.s', { n: num(Math.max(0, Math.round(s)), 0) });
	if (s < 90 * 60) return t('status.duration.m', { n: num(Math.round(s / 60), 0) });
	if (s < 48 * 3600) return t('status.duration.h', { n: num(s / 3600, 1) });
	return t('status.duration.d', { n: num(s / 86_400, 1) });
}

/** Tone of an uptime share, the same thresholds as the Providers screen's bars. */
export const tone = (x: number | null): 'ok' | 'warn' | 'bad' | 'none' => (x === null ? 'none' : x >= 0.99 ? 'ok' : x >= 0.9 ? 'warn' : 'bad');
