import { describe, expect, it } from 'vitest';
import { checkAddress, EXAMPLE_ADDRESS, isOutgoing } from './chains';

describe('checkAddress', () => {
	it('accepts a 0x address of 40 hex digits on EVM chains, in any case', () => {
		expect(checkAddress('ethereum', ' 0xb8553D9ee35dd23BB96fbd679E651B929821969B ')).toEqual({ ok: true, address: '0xb8553D9ee35dd23BB96fbd679E651B929821969B' });
		expect(checkAddress('base', '0x3c69bc9b9681683890ad82953fe67d13cd91d5ee').ok).toBe(true);
	});

	it('refuses what is not an EVM address on an EVM chain', () => {
		expect(checkAddress('ethereum', '0x1234')).toEqual({ ok: false, problem: 'evm' });
		expect(checkAddress('polygon', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual({ ok: false, problem: 'evm' });
		expect(checkAddress('bsc', '0xZZ553D9ee35dd23BB96fbd679E651B929821969B')).toEqual({ ok: false, problem: 'evm' });
	});

	it('says an empty field is empty', () => {
		expect(checkAddress('bitcoin', '   ')).toEqual({ ok: false, problem: 'empty' });
	});

	it('accepts legacy, script and Bech32 Bitcoin addresses, lowering capital Bech32', () => {
		expect(checkAddress('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa').ok).toBe(true);
		expect(checkAddress('bitcoin', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy').ok).toBe(true);
		expect(checkAddress('bitcoin', 'bc1qgfyalcj9mlk83jq8t6wue5vznt3s3ye6e3sgas')).toEqual({ ok: true, address: 'bc1qgfyalcj9mlk83jq8t6wue5vznt3s3ye6e3sgas' });
		expect(checkAddress('bitcoin', 'BC1QGFYALCJ9MLK83JQ8T6WUE5VZNT3S3YE6E3SGAS')).toEqual({ ok: true, address: 'bc1qgfyalcj9mlk83jq8t6wue5vznt3s3ye6e3sgas' });
	});

	it('refuses mixed-case Bech32, base58 look-alikes with 0 or O, and EVM addresses on Bitcoin', () => {
		expect(checkAddress('bitcoin', 'bc1QGFYALCJ9mlk83jq8t6wue5vznt3s3ye6e3sgas')).toEqual({ ok: false, problem: 'bitcoin' });
		expect(checkAddress('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Oa')).toEqual({ ok: false, problem: 'bitcoin' });
		expect(checkAddress('bitcoin', '0xb8553D9ee35dd23BB96fbd679E651B929821969B')).toEqual({ ok: false, problem: 'bitcoin' });
	});

	it('accepts a Tron address: T and 33 base58 characters', () => {
		expect(checkAddress('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t').ok).toBe(true);
		expect(checkAddress('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6')).toEqual({ ok: false, problem: 'tron' });
	});

	it('accepts every example address on its own kind of chain', () => {
		expect(checkAddress('arbitrum', EXAMPLE_ADDRESS.evm ?? '').ok).toBe(true);
		expect(checkAddress('bitcoin', EXAMPLE_ADDRESS.bitcoin ?? '').ok).toBe(true);
		expect(checkAddress('tron', EXAMPLE_ADDRESS.tron ?? '').ok).toBe(true);
	});
});

describe('isOutgoing', () => {
	it('compares addresses without regard to case', () => {
		expect(isOutgoing('0xB8553D9EE35DD23BB96FBD679E651B929821969B', '0xb8553D9ee35dd23BB96fbd679E651B929821969B')).toBe(true);
		expect(isOutgoing('0x3794da19a22cede7976f9d3181f2ccd58f6408a5', '0xb8553D9ee35dd23BB96fbd679E651B929821969B')).toBe(false);
	});
});
