import { fail, ok, type Result } from '../../shared/api/monitor';
import type { MonitorDb } from './db';

/** `ETHERSCAN_KEY`, `COINMARKETCAP_KEY_2`: the env-style names the catalog declares. */
export const KEY_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Printable ASCII without spaces: every provider's keys look like this, and it keeps headers safe. */
const KEY_VALUE = /^[\x21-\x7e]{4,512}$/;

/**
 * Direct-mode API keys (`keys` store), entered on the Settings screen. Names can be listed; values
 * are read only to hand them to the engine's Secrets port and are never returned to the page.
 */
export class KeyStore {
	constructor(
		private readonly db: MonitorDb,
		private readonly now: () => number = Date.now,
	) {}

	async names(): Promise<string[]> {
		return (await this.db.getAllKeys('keys')).sort();
	}

	/** Validates first: a bad name or value changes nothing. The message never repeats the value. */
	async set(name: unknown, value: unknown): Promise<Result<{ name: string }>> {
		if (typeof name !== 'string' || !KEY_NAME.test(name)) return fail('bad_input', 'a key name is upper-case letters, digits and underscores, e.g. ETHERSCAN_KEY');
		const trimmed = typeof value === 'string' ? value.trim() : '';
		if (!KEY_VALUE.test(trimmed)) return fail('bad_input', `the key for ${name} must be 4-512 printable characters without spaces`);
		await this.db.put('keys', { name, value: trimmed, updatedAt: this.now() });
		return ok({ name });
	}

	async delete(name: unknown): Promise<Result<{ name: string }>> {
		if (typeof name !== 'string' || !KEY_NAME.test(name)) return fail('bad_input', 'a key name is upper-case letters, digits and underscores');
		const tx = this.db.transaction('keys', 'readwrite');
		const had = (await tx.store.getKey(name)) !== undefined;
		if (had) await tx.store.delete(name);
		await tx.done;
		return had ? ok({ name }) : fail('not_found', `no key named ${name}`);
	}

	/** Every key by name, for the engine's Secrets port (envSecrets reads `NAME`, `NAME_1`, `NAME_2` …). */
	async all(): Promise<Record<string, string>> {
		const out: Record<string, string> = {};
		for (const r of await this.db.getAll('keys')) out[r.name] = r.value;
		return out;
	}
}
