import type { Locale } from '../../../shared/api/monitor';
import { MESSAGES, type MessageKey } from './messages';

/**
 * English and Persian. `t(key, vars)` looks a message up in the current locale (English when a
 * Persian text is missing) and fills `{name}` placeholders. Numbers go through `num`/`money`/
 * `percent`, which write Persian digits when Persian is on. `dir` drives the right-to-left layout.
 */

class I18n {
	locale = $state<Locale>('en');
	readonly dir = $derived(this.locale === 'fa' ? 'rtl' : 'ltr');
	readonly tag = $derived(this.locale === 'fa' ? 'fa-IR' : 'en-US');
}

export const i18n = new I18n();

export function setLocale(locale: Locale): void {
	i18n.locale = locale;
	if (typeof document !== 'undefined') {
		document.documentElement.lang = locale;
		document.documentElement.dir = locale === 'fa' ? 'rtl' : 'ltr';
	}
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
	const table = MESSAGES[i18n.locale] as Partial<Record<MessageKey, string>>;
	const text = table[key] ?? MESSAGES.en[key];
	if (!vars) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const v = vars[name];
		return v === undefined ? whole : typeof v === 'number' ? num(v) : v;
	});
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const id = `${i18n.tag}|${JSON.stringify(options)}`;
	let f = formatters.get(id);
	if (!f) {
		f = new Intl.NumberFormat(i18n.tag, options);
		formatters.set(id, f);
	}
	return f;
}

/** A plain number in the locale's digits. */
export const num = (n: number, maximumFractionDigits = 2): string => formatter({ maximumFractionDigits }).format(n);

/** A price: more decimals for small prices, the currency when it is a fiat code Intl knows. */
export function money(n: number, vs = 'USD'): string {
	const digits = n >= 1000 ? 0 : n >= 1 ? 2 : n >= 0.01 ? 4 : 8;
	try {
		return formatter({ style: 'currency', currency: vs, minimumFractionDigits: Math.min(digits, 2), maximumFractionDigits: digits }).format(n);
	} catch {
		return `${formatter({ maximumFractionDigits: digits }).format(n)} ${vs}`;
	}
}

/** Large amounts (market caps, volumes, TVL) shortened: 1.2T, 345M. */
export const compact = (n: number, vs?: string): string => {
	const f = formatter({ notation: 'compact', maximumFractionDigits: 2 }).format(n);
	return vs === 'USD' ? (i18n.locale === 'fa' ? `${f} $` : `$${f}`) : vs ? `${f} ${vs}` : f;
};

/** A signed percentage: +1.23 %. */
export const percent = (pct: number): string => formatter({ maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(pct) + '%';

/** How long ago `ts` was, as "12 s ago", "3 min ago", "2 h ago". */
export function age(ts: number, now: number): string {
	const s = Math.max(0, Math.round((now - ts) / 1000));
	if (s < 5) return t('age.now');
	if (s < 60) return t('age.seconds', { n: s });
	const m = Math.floor(s / 60);
	if (m < 60) return t('age.minutes', { n: m });
	const h = Math.floor(m / 60);
	if (h < 48) return t('age.hours', { n: h });
	return t('age.days', { n: Math.floor(h / 24) });
}

/** A date and time in the locale (Persian calendar and digits when Persian is on). */
export const dateTime = (ts: number): string => dateFormat('medium', 'short').format(ts);
export const date = (ts: number): string => dateFormat('medium', undefined).format(ts);

/** Date formats by locale and style: `toLocaleString` with options builds a new one on every call. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(dateStyle: 'medium', timeStyle: 'short' | undefined): Intl.DateTimeFormat {
	const id = `${i18n.tag}|${dateStyle}|${timeStyle ?? ''}`;
	let f = dateFormats.get(id);
	if (!f) {
		f = new Intl.DateTimeFormat(i18n.tag, timeStyle ? { dateStyle, timeStyle } : { dateStyle });
		dateFormats.set(id, f);
	}
	return f;
}
