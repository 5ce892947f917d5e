import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { Resources } from './resources';
import { CSV_COLUMNS, Transfer, type ImportResult } from './transfer';
import { useTempData } from './testing';
import type { UserProviderSpec } from './user-provider';

const temp = useTempData();

const provider = (id: string, extra: Partial<UserProviderSpec> = {}): UserProviderSpec => ({
	id,
	name: `Provider ${id}`,
	category: 'market',
	baseUrl: `https://api.${id}.example/v1`,
	docs: `https://${id}.example/docs`,
	capabilities: ['price'],
	...extra,
});
const pool = (id: string, members: string[]) => ({ id, name: `Pool ${id}`, capabilities: ['price'], strategy: 'priority', members: members.map((provider) => ({ provider })), hedge: false, maxAlternatives: 10 });

function setup(options: ConstructorParameters<typeof Transfer>[1] = {}) {
	const db = temp.open();
	const transfer = new Transfer(db, { now: () => Date.UTC(2025, 0, 2), ...options });
	const resources = new Resources(db);
	// What was there before every import: the test checks it survives a refused file untouched.
	resources.putProvider(provider('before'));
	resources.putPool(pool('before-pool', ['before']) as never);
	const snapshot = () => ({ providers: resources.providers(), pools: resources.pools() });
	return { db, transfer, resources, snapshot };
}

function json(doc: unknown): string {
	return JSON.stringify(doc);
}

function expectRefused(r: ImportResult, pattern: RegExp): void {
	expect(r.ok).toBe(false);
	if (!r.ok) expect(r.message).toMatch(pattern);
}

describe('Transfer export', () => {
	it('exports JSON that imports back to the same rows', () => {
		const { transfer, resources, snapshot } = setup();
		const before = snapshot();
		const doc = JSON.parse(transfer.exportJson());
		expect(doc).toMatchObject({ format: 'crypto-monitor/resources', version: 1, exportedAt: '2025-01-02T00:00:00.000Z' });
		resources.clearAll();
		expect(transfer.importJson(transfer.exportJson(), { mode: 'merge' })).toMatchObject({ ok: true });
		expect(transfer.importJson(JSON.stringify(doc), { mode: 'replace' })).toEqual({ ok: true, mode: 'replace', providers: 1, pools: 1 });
		expect(snapshot()).toEqual(before);
	});

	it('exports CSV with one row per provider and pool that imports back', () => {
		const { transfer, snapshot } = setup();
		const csv = transfer.exportCsv();
		expect(csv.split('\r\n')[0]).toBe('kind,id,json');
		expect(csv).toContain('provider,before,"{""id"":""before""');
		const before = snapshot();
		expect(transfer.importCsv(csv, { mode: 'replace' })).toEqual({ ok: true, mode: 'replace', providers: 1, pools: 1 });
		expect(snapshot()).toEqual(before);
	});
});

describe('Transfer import', () => {
	it('merges: adds new rows, updates same ids, keeps the others', () => {
		const { transfer, resources } = setup();
		const r = transfer.importJson(json({ providers: [provider('new-one'), provider('before', { name: 'Renamed' })], pools: [pool('p2', ['new-one'])] }), { mode: 'merge' });
		expect(r).toEqual({ ok: true, mode: 'merge', providers: 2, pools: 1 });
		expect(resources.providers().map((p) => [p.id, p.name])).toEqual([
			['before', 'Renamed'],
			['new-one', 'Provider new-one'],
		]);
		expect(resources.pools().map((p) => p.id)).toEqual(['before-pool', 'p2']);
	});

	it('replaces: only the file’s rows remain', () => {
		const { transfer, resources } = setup();
		expect(transfer.importJson(json({ providers: [provider('only')] }), { mode: 'replace' })).toMatchObject({ ok: true, providers: 1, pools: 0 });
		expect(resources.providers().map((p) => p.id)).toEqual(['only']);
		expect(resources.pools()).toEqual([]);
	});

	it('imports CSV in merge and replace modes, applying pool defaults', () => {
		const { transfer, resources } = setup();
		const csv = toCsv(CSV_COLUMNS, [
			['provider', 'csv-one', JSON.stringify(provider('csv-one', { name: 'Has, comma "and quotes"' }))],
			['pool', 'csv-pool', JSON.stringify({ id: 'csv-pool', name: 'From CSV', members: [{ provider: 'csv-one' }] })],
		]);
		expect(transfer.importCsv(csv, { mode: 'merge' })).toMatchObject({ ok: true, providers: 1, pools: 1 });
		expect(resources.provider('csv-one')?.name).toBe('Has, comma "and quotes"');
		expect(resources.pool('csv-pool')).toMatchObject({ strategy: 'round_robin', hedge: false, maxAlternatives: 10, capabilities: [] });
		expect(resources.providers()).toHaveLength(2);
		expect(transfer.importCsv(csv, { mode: 'replace' })).toMatchObject({ ok: true });
		expect(resources.providers().map((p) => p.id)).toEqual(['csv-one']);
	});

	it('accepts bytes as well as text', () => {
		const { transfer } = setup();
		expect(transfer.importJson(new TextEncoder().encode(json({ providers: [provider('bytes')] })), { mode: 'merge' })).toMatchObject({ ok: true });
		expect(transfer.importJson(new Uint8Array([0xff, 0xfe, 0x00]), { mode: 'merge' })).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
	});

	const badJson: Array<[string, unknown, RegExp]> = [
		['wrong types', { providers: [{ ...provider('x'), name: 42 }] }, /providers\[0\] \(id 'x'\), field 'name': .*string/],
		['a missing field', { providers: [{ id: 'x', name: 'X', category: 'market', docs: 'https://x.example', capabilities: ['price'] }] }, /providers\[0\] \(id 'x'\), field 'baseUrl': required, but missing/],
		['an unknown capability', { providers: [provider('ok'), provider('x', { capabilities: ['price', 'teleport' as never] })] }, /providers\[1\] \(id 'x'\), field 'capabilities\[1\]': unknown capability 'teleport'/],
		['an unknown category', { providers: [provider('x', { category: 'casino' as never })] }, /field 'category': unknown category 'casino'/],
		['an http base URL', { providers: [provider('x', { baseUrl: 'http://x.example' })] }, /field 'baseUrl': baseUrl must be an https:\/\/ URL/],
		['credentials in the URL', { providers: [provider('x', { baseUrl: 'https://user:pw@x.example' })] }, /must not carry credentials/],
		['an unknown key', { providers: [{ ...provider('x'), baseURL: 'https://x.example' }] }, /providers\[0\] \(id 'x'\): Unrecognized key: "baseURL"/],
		['duplicate provider ids', { providers: [provider('dup'), provider('dup')] }, /providers\[1\] \(id 'dup'\), field 'id': duplicate provider id 'dup' \(first at providers\[0\]\)/],
		['duplicate pool ids', { pools: [pool('p', ['before']), pool('p', ['before'])] }, /pools\[1\] \(id 'p'\), field 'id': duplicate pool id 'p'/],
		['a bad pool strategy', { pools: [{ ...pool('p', ['before']), strategy: 'yolo' }] }, /pools\[0\] \(id 'p'\), field 'strategy'/],
		['a bad member weight', { pools: [{ ...pool('p', []), members: [{ provider: 'a', weight: -1 }] }] }, /field 'members\[0\]\.weight'/],
		['not a list', { providers: { id: 'x' } }, /file, field 'providers': providers must be a list/],
		['another format', { format: 'other', providers: [] }, /format must be 'crypto-monitor\/resources'/],
		['not JSON', '{"providers": [', /not valid JSON/],
	];
	for (const [what, doc, message] of badJson) {
		it(`refuses a JSON file with ${what}, naming the row and field, and changes nothing`, () => {
			const { transfer, snapshot } = setup();
			const before = snapshot();
			for (const mode of ['merge', 'replace'] as const) {
				const r = transfer.importJson(typeof doc === 'string' ? doc : json(doc), { mode });
				expectRefused(r, message);
				expect(r).toMatchObject({ reason: 'invalid' });
			}
			expect(snapshot()).toEqual(before);
		});
	}

	it('refuses a catalog id for a user provider, and a pool member nobody provides', () => {
		const { transfer, snapshot } = setup({ catalogProviderIds: new Set(['coingecko', 'kraken']) });
		const before = snapshot();
		expectRefused(transfer.importJson(json({ providers: [provider('kraken')] }), { mode: 'merge' }), /providers\[0\] \(id 'kraken'\), field 'id': 'kraken' is a catalog provider's id/);
		expectRefused(transfer.importJson(json({ pools: [pool('p', ['coingecko', 'ghost'])] }), { mode: 'merge' }), /pools\[0\] \(id 'p'\), field 'members\[1\]\.provider': unknown provider 'ghost'/);
		// A replace drops the stored user providers, so a pool may not lean on them.
		expectRefused(transfer.importJson(json({ pools: [pool('p', ['before'])] }), { mode: 'replace' }), /unknown provider 'before'/);
		expect(snapshot()).toEqual(before);
		expect(transfer.importJson(json({ pools: [pool('p', ['coingecko', 'before'])] }), { mode: 'merge' })).toMatchObject({ ok: true });
	});

	const badCsv: Array<[string, string, RegExp]> = [
		['the wrong header', 'type,id,json\r\n', /line 1: the header must be 'kind,id,json'/],
		['an unknown kind', `kind,id,json\r\nwidget,x,{}\r\n`, /line 2, field 'kind': kind must be 'provider' or 'pool'/],
		['a short row', `kind,id,json\r\nprovider,x\r\n`, /line 2: expected 3 cells/],
		['bad JSON', `kind,id,json\r\nprovider,x,{nope\r\n`, /line 2, field 'json': not valid JSON/],
		['an id that differs from its JSON', toCsv(CSV_COLUMNS, [['provider', 'y', JSON.stringify(provider('x'))]]), /line 2, field 'id': the id cell 'y' differs/],
		['an unknown capability', toCsv(CSV_COLUMNS, [['provider', 'a', JSON.stringify(provider('a'))], ['provider', 'x', JSON.stringify(provider('x', { capabilities: ['nope' as never] }))]]), /line 3, field 'capabilities\[0\]': unknown capability 'nope'/],
		['duplicate ids', toCsv(CSV_COLUMNS, [['provider', 'a', JSON.stringify(provider('a'))], ['provider', 'a', JSON.stringify(provider('a'))]]), /line 3, field 'id': duplicate provider id 'a' \(first at line 2\)/],
		['an unclosed quote', `kind,id,json\r\nprovider,x,"{\r\n`, /line 2: a quoted field is never closed/],
	];
	for (const [what, csv, message] of badCsv) {
		it(`refuses a CSV file with ${what} and changes nothing`, () => {
			const { transfer, snapshot } = setup();
			const before = snapshot();
			expectRefused(transfer.importCsv(csv, { mode: 'replace' }), message);
			expect(snapshot()).toEqual(before);
		});
	}

	it('refuses a body over 5 MB before parsing it', () => {
		const { transfer, snapshot } = setup();
		const before = snapshot();
		const big = json({ providers: [provider('x', { name: 'x'.repeat(100) })], padding: ' '.repeat(5 * 1024 * 1024) });
		const r = transfer.importJson(big, { mode: 'replace' });
		expect(r).toMatchObject({ ok: false, reason: 'too_large', message: expect.stringMatching(/over the limit of 5242880/) });
		expect(transfer.importCsv(big, { mode: 'replace' })).toMatchObject({ ok: false, reason: 'too_large' });
		expect(snapshot()).toEqual(before);
	});

	it('refuses more than 10,000 rows', () => {
		const { transfer, snapshot } = setup();
		const before = snapshot();
		const providers = Array.from({ length: 10_001 }, (_, i) => ({ id: `p${i}` }));
		expect(transfer.importJson(json({ providers }), { mode: 'replace' })).toMatchObject({ ok: false, reason: 'too_large', message: expect.stringMatching(/10001 rows, over the limit of 10000/) });
		const csv = toCsv(CSV_COLUMNS, providers.map((p) => ['provider', p.id, '{}']));
		expect(transfer.importCsv(csv, { mode: 'replace' })).toMatchObject({ ok: false, reason: 'too_large' });
		expect(snapshot()).toEqual(before);
	});

	it('imports 10,000 rows in one go', () => {
		const { transfer, resources } = setup();
		const providers = Array.from({ length: 10_000 }, (_, i) => provider(`p${i}`));
		expect(transfer.importJson(json({ providers }), { mode: 'replace' })).toMatchObject({ ok: true, providers: 10_000 });
		expect(resources.providers()).toHaveLength(10_000);
	});

	it('rolls the whole import back when a write fails midway', () => {
		const { transfer, snapshot } = setup();
		const before = snapshot();
		const providers = Array.from({ length: 50 }, (_, i) => provider(`p${i}`));
		expect(() =>
			transfer.importJson(json({ providers }), {
				mode: 'replace',
				onProgress: (written) => {
					if (written === 25) throw new Error('disk full');
				},
			}),
		).toThrow('disk full');
		expect(snapshot()).toEqual(before);
	});
});
