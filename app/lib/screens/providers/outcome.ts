import { i18n, num, t } from '$lib/i18n/index.svelte';

/** A failed write, as a person should read it: the admin-token hint first when that is the cause. */
export function failureText(r: { code: string; message: string }): string {
	return r.code === 'admin_token' ? `${t('error.adminToken')} (${r.message})` : r.message;
}

const shares = new Map<string, Intl.NumberFormat>();

/** A share 0–1 as a percentage in the locale's digits: 0.953 -> "95.3%". */
export function share(x: number, digits = 1): string {
	const id = `${i18n.tag}|${digits}`;
	let f = shares.get(id);
	if (!f) {
		f = new Intl.NumberFormat(i18n.tag, { style: 'percent', maximumFractionDigits: digits });
		shares.set(id, f);
	}
	return f.format(x);
}

/** Milliseconds, rounded: "245 ms" (Persian digits in Persian). */
export const ms = (n: number): string => t('providers.ms', { n: num(Math.round(n), 0) });
