import { z } from 'zod';
import { DEFAULT_SETTINGS, fail, ok, type Result, type Settings } from '../../shared/api/monitor';
import type { MonitorDb } from './db';

const KEY = 'app';

/** '' or an http(s) origin (a path is allowed, e.g. a proxy under /monitor); no credentials, no query. */
const BaseUrl = z.union([
	z.literal(''),
	z
		.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
		.max(2048)
		.refine((u) => {
			const url = new URL(u);
			return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
		}, 'must not carry credentials, a query or a fragment')
		.transform((u) => u.replace(/\/+$/, '')),
]);
const Ticker = z
	.string()
	.regex(/^[A-Za-z0-9]{1,20}$/, 'a symbol is 1-20 letters and digits')
	.transform((s) => s.toUpperCase());

const FIELDS = {
	mode: z.enum(['auto', 'direct', 'proxy']),
	proxyUrl: BaseUrl,
	relayUrl: BaseUrl,
	locale: z.enum(['en', 'fa']),
	theme: z.enum(['system', 'dark', 'light']),
	adminToken: z.string().max(256).regex(/^[\x21-\x7e]*$/, 'the admin token is printable ASCII without spaces'),
	watchlist: z
		.array(Ticker)
		.max(50, 'at most 50 coins')
		.transform((list) => [...new Set(list)]),
	vs: Ticker,
};
/** Every settable field; unknown fields are refused so a typo is reported, not dropped. */
export const SettingsPatch = z.strictObject(FIELDS).partial();

/** Stored settings read back field by field: a field that no longer validates falls back to its default. */
function sanitize(stored: unknown): Settings {
	const out: Settings = { ...DEFAULT_SETTINGS, watchlist: [...DEFAULT_SETTINGS.watchlist] };
	if (stored === null || typeof stored !== 'object') return out;
	for (const [field, schema] of Object.entries(FIELDS) as [keyof Settings, z.ZodType][]) {
		const parsed = schema.safeParse((stored as Record<string, unknown>)[field]);
		if (parsed.success) (out as unknown as Record<string, unknown>)[field] = parsed.data;
	}
	return out;
}

const describe = (error: z.ZodError): string =>
	error.issues
		.slice(0, 3)
		.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`)
		.join('; ');

/** The `settings` store: one record, the whole Settings object. */
export class SettingsStore {
	constructor(private readonly db: MonitorDb) {}

	async get(): Promise<Settings> {
		return sanitize(await this.db.get('settings', KEY));
	}

	/** Validates the patch first; an invalid one changes nothing. */
	async save(patch: unknown): Promise<Result<Settings>> {
		const parsed = SettingsPatch.safeParse(patch);
		if (!parsed.success) return fail('bad_input', `settings not saved: ${describe(parsed.error)}`);
		const tx = this.db.transaction('settings', 'readwrite');
		const next: Settings = { ...sanitize(await tx.store.get(KEY)), ...(parsed.data as Partial<Settings>) };
		await tx.store.put(next, KEY);
		await tx.done;
		return ok(next);
	}
}
