/**
 * Pure helpers of the Market screen (and the other data screens): no Svelte, no i18n, so they are
 * unit-tested on their own.
 */

export type Direction = 'up' | 'down' | 'flat';

/** Which way a percentage change goes; changes that round to 0.00 % are flat. */
export function direction(pct: number): Direction {
	if (!Number.isFinite(pct) || Math.abs(pct) < 0.005) return 'flat';
	return pct > 0 ? 'up' : 'down';
}

/** Colours for chart series, readable on the light and the dark theme. */
export const PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#a855f7', '#ef4444', '#14b8a6', '#ec4899', '#64748b'] as const;
export const UP_COLOR = '#16a34a';
export const DOWN_COLOR = '#dc2626';

export interface Share {
	symbol: string;
	pct: number;
}

/**
 * The `n` largest dominance shares, largest first, and the remainder of 100 % as `other`
 * (never negative, so a source whose shares add up to more than 100 still draws).
 */
export function topShares(dominance: Readonly<Record<string, number>>, n: number): { top: Share[]; other: number } {
	const all = Object.entries(dominance)
		.filter(([, pct]) => Number.isFinite(pct) && pct > 0)
		.map(([symbol, pct]) => ({ symbol, pct }))
		.sort((a, b) => b.pct - a.pct);
	const top = all.slice(0, n);
	const shown = top.reduce((sum, s) => sum + s.pct, 0);
	return { top, other: Math.max(0, 100 - shown) };
}

export type FearGreedZone = 'extremeFear' | 'fear' | 'neutral' | 'greed' | 'extremeGreed';

/** The zones of the fear & greed index, with their lower bounds (inclusive). */
export const ZONES: readonly { zone: FearGreedZone; from: number; to: number; color: string }[] = [
	{ zone: 'extremeFear', from: 0, to: 25, color: '#dc2626' },
	{ zone: 'fear', from: 25, to: 45, color: '#f97316' },
	{ zone: 'neutral', from: 45, to: 56, color: '#eab308' },
	{ zone: 'greed', from: 56, to: 76, color: '#84cc16' },
	{ zone: 'extremeGreed', from: 76, to: 100, color: '#16a34a' }
];

/** The zone a fear & greed value (0–100) falls in. */
export function zoneOf(value: number): (typeof ZONES)[number] {
	const v = Math.min(100, Math.max(0, value));
	return ZONES.find((z) => v >= z.from && v < z.to) ?? ZONES[ZONES.length - 1]!;
}

/**
 * A point on the gauge's half circle: 0 at the left end, 100 at the right end, 50 at the top.
 * SVG coordinates (y grows downwards).
 */
export function gaugePoint(value: number, cx: number, cy: number, r: number): { x: number; y: number } {
	const v = Math.min(100, Math.max(0, value));
	const angle = Math.PI * (1 - v / 100);
	return { x: round(cx + r * Math.cos(angle)), y: round(cy - r * Math.sin(angle)) };
}

/** An SVG arc along the gauge from value `from` to value `to` (clockwise over the top). */
export function gaugeArc(from: number, to: number, cx: number, cy: number, r: number): string {
	const a = gaugePoint(from, cx, cy, r);
	const b = gaugePoint(to, cx, cy, r);
	return `M ${a.x} ${a.y} A ${r} ${r} 0 0 1 ${b.x} ${b.y}`;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * The value of a newest-first history about `days` days before its newest point (the point
 * closest to that time, within half a day), or undefined when the history does not reach back.
 */
export function valueDaysAgo(history: readonly { value: number; ts: number }[], days: number): number | undefined {
	const newest = history[0];
	if (!newest) return undefined;
	const target = newest.ts - days * 86_400_000;
	let best: { value: number; ts: number } | undefined;
	for (const p of history) if (!best || Math.abs(p.ts - target) < Math.abs(best.ts - target)) best = p;
	return best && Math.abs(best.ts - target) <= 43_200_000 ? best.value : undefined;
}

/** Only web links leave the app: a `javascript:` or `data:` URL from a provider is never a link. */
export function safeHref(url: string): string | undefined {
	try {
		const u = new URL(url);
		return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
	} catch {
		return undefined;
	}
}

/** The host of a web link without `www.`, for showing where a link goes. */
export function hostOf(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return '';
	}
}

/** A long identifier (hash, address) shortened in the middle: `0x1234…abcd`. */
export function shorten(id: string, head = 6, tail = 4): string {
	return id.length <= head + tail + 1 ? id : `${id.slice(0, head)}…${id.slice(-tail)}`;
}
