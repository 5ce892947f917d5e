import { z } from 'zod';

/** The coins the home page follows; the proxy answers them in one request. */
export const WATCHED_SYMBOLS = ['BTC', 'ETH'] as const;

/** One quote as the proxy answers it (shared/model Quote; unknown fields are dropped). */
export const quoteSchema = z.object({
	symbol: z.string().min(1),
	vs: z.string().min(1),
	price: z.number().finite().positive(),
	change24hPct: z.number().finite().optional(),
	ts: z.number().nonnegative()
});

export type Quote = z.infer<typeof quoteSchema>;

/** `GET /api/data/price` success: the engine's answer. */
export const priceAnswerSchema = z.object({
	ok: z.literal(true),
	data: z.array(quoteSchema).min(1),
	source: z.string().min(1),
	cached: z.boolean(),
	stale: z.boolean(),
	ts: z.number().nonnegative()
});

/** `GET /api/data/*` failure body (4xx/503). */
const errorBodySchema = z.object({ error: z.string().min(1), code: z.string().optional() });

export interface Prices {
	/** One quote per symbol, in the order asked for; symbols the source did not answer are in `missing`. */
	quotes: Quote[];
	missing: string[];
	/** Provider id that answered. */
	source: string;
	cached: boolean;
	/** Served from cache because every provider failed. */
	stale: boolean;
	/** When the source answered (epoch ms). */
	ts: number;
}

export type PricesResult = { ok: true; data: Prices } | { ok: false; message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function pricesUrl(symbols: readonly string[]): string {
	return `/api/data/price?symbols=${symbols.map(encodeURIComponent).join(',')}`;
}

/**
 * Asks the proxy (same origin) for USD prices. Never throws: network errors, HTTP errors (with the
 * server's own `error` message when it sent one) and unexpected bodies come back as `{ ok: false, message }`.
 */
export async function fetchPrices(fetchFn: Fetch, symbols: readonly string[] = WATCHED_SYMBOLS, signal?: AbortSignal): Promise<PricesResult> {
	let response: Response;
	try {
		response = await fetchFn(pricesUrl(symbols), { signal: signal ?? null, headers: { accept: 'application/json' } });
	} catch (error) {
		return { ok: false, message: `The proxy could not be reached (${describe(error)}).` };
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return { ok: false, message: response.ok ? 'The proxy answered something that is not JSON.' : `The proxy answered HTTP ${response.status}.` };
	}
	if (!response.ok) {
		const failure = errorBodySchema.safeParse(body);
		return { ok: false, message: failure.success ? failure.data.error : `The proxy answered HTTP ${response.status}.` };
	}
	const parsed = priceAnswerSchema.safeParse(body);
	if (!parsed.success) {
		return { ok: false, message: 'The proxy answered an unexpected price report.' };
	}
	const { data, source, cached, stale, ts } = parsed.data;
	const bySymbol = new Map<string, Quote>();
	for (const quote of data) if (!bySymbol.has(quote.symbol)) bySymbol.set(quote.symbol, quote);
	const wanted = [...new Set(symbols.map((s) => s.toUpperCase()))];
	const quotes = [...wanted.flatMap((s) => bySymbol.get(s) ?? []), ...[...bySymbol.values()].filter((q) => !wanted.includes(q.symbol))];
	const missing = wanted.filter((s) => !bySymbol.has(s));
	return { ok: true, data: { quotes, missing, source, cached, stale, ts } };
}

/** 7984.89 USD -> "$7,984.89"; small prices keep significant digits ("$0.000123"). */
export function formatPrice(price: number, vs: string, locale?: string): string {
	const digits = price >= 1 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumSignificantDigits: 4 };
	try {
		return new Intl.NumberFormat(locale, { style: 'currency', currency: vs, ...digits }).format(price);
	} catch {
		// Not an ISO 4217 code (e.g. USDT): the number and the ticker.
		return `${new Intl.NumberFormat(locale, digits).format(price)} ${vs}`;
	}
}

/** 1.234 -> "+1.23%"; -0.5 -> "-0.50%". */
export function formatChange(pct: number, locale?: string): string {
	return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(pct / 100);
}

/** Age of an answer: "updated 12 s ago", "updated 3 min ago", "updated 2 h ago". A clock ahead of ours counts as 0. */
export function formatAge(ts: number, now: number): string {
	const seconds = Math.max(0, Math.floor((now - ts) / 1000));
	if (seconds < 60) return `updated ${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `updated ${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `updated ${hours} h ago`;
	return `updated ${Math.floor(hours / 24)} d ago`;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
