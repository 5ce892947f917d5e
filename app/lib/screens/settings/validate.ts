/**
 * Checks of the Settings form, done in the page before saving. Errors are message keys (with the
 * offending value where it helps) so they read in every language.
 */

export type SettingsErrorKey =
	| 'settings.err.symbol'
	| 'settings.err.tooMany'
	| 'settings.err.noSymbols'
	| 'settings.err.vs'
	| 'settings.err.url'
	| 'settings.err.urlCredentials'
	| 'settings.err.keyName'
	| 'settings.err.keyValue'
	| 'settings.err.keyValueLong';

export type Check<T> = { ok: true; value: T } | { ok: false; error: SettingsErrorKey; detail?: string };

/** Most symbols a watchlist holds. */
export const MAX_WATCHLIST = 50;
const SYMBOL = /^[A-Z0-9]{1,10}$/;

/** "btc, eth ,SOL" -> ['BTC', 'ETH', 'SOL']: upper-cased, repeats dropped, each 1–10 letters or digits. */
export function parseWatchlist(text: string): Check<string[]> {
	const symbols = [...new Set(text.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
	if (symbols.length === 0) return { ok: false, error: 'settings.err.noSymbols' };
	const bad = symbols.find((s) => !SYMBOL.test(s));
	if (bad !== undefined) return { ok: false, error: 'settings.err.symbol', detail: bad };
	if (symbols.length > MAX_WATCHLIST) return { ok: false, error: 'settings.err.tooMany' };
	return { ok: true, value: symbols };
}

/** A quote currency code: USD, EUR, USDT, BTC… */
export function parseVs(text: string): Check<string> {
	const vs = text.trim().toUpperCase();
	return /^[A-Z0-9]{2,10}$/.test(vs) ? { ok: true, value: vs } : { ok: false, error: 'settings.err.vs' };
}

/** '' (the default) or an http(s) origin/URL without credentials; trailing slashes dropped. */
export function parseBaseUrl(text: string): Check<string> {
	const v = text.trim();
	if (v === '') return { ok: true, value: '' };
	let url: URL;
	try {
		url = new URL(v);
	} catch {
		return { ok: false, error: 'settings.err.url' };
	}
	if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return { ok: false, error: 'settings.err.url' };
	if (url.username !== '' || url.password !== '') return { ok: false, error: 'settings.err.urlCredentials' };
	return { ok: true, value: v.replace(/\/+$/, '') };
}

/** A key's name as the catalog's auth declares it: ETHERSCAN_KEY, COINMARKETCAP_KEY_2. */
export const KEY_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;

export function checkKey(name: string, value: string): Check<{ name: string; value: string }> {
	const n = name.trim();
	if (!KEY_NAME.test(n)) return { ok: false, error: 'settings.err.keyName' };
	const v = value.trim();
	if (v === '') return { ok: false, error: 'settings.err.keyValue' };
	if (v.length > 4096) return { ok: false, error: 'settings.err.keyValueLong' };
	return { ok: true, value: { name: n, value: v } };
}

/** How a stored admin token is shown: never in full, only that it is set (and its last 4 when long). */
export function maskToken(token: string): string {
	if (token === '') return '';
	return token.length >= 16 ? `••••${token.slice(-4)}` : '••••';
}
