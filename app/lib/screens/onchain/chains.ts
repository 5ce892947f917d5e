import type { Chain } from '../../../../shared/model';

/** What the On-chain screen knows of each chain of the model: its coin, address kind and explorer. */

export type AddressKind = 'evm' | 'bitcoin' | 'tron';

export interface ChainInfo {
	/** Native coin, the unit of balances and transaction values. */
	coin: string;
	address: AddressKind;
	/** Explorer pages for a transaction and an address (the id is appended). */
	txUrl: string;
	addressUrl: string;
}

export const CHAIN_INFO: Record<Chain, ChainInfo> = {
	ethereum: { coin: 'ETH', address: 'evm', txUrl: 'https://etherscan.io/tx/', addressUrl: 'https://etherscan.io/address/' },
	bsc: { coin: 'BNB', address: 'evm', txUrl: 'https://bscscan.com/tx/', addressUrl: 'https://bscscan.com/address/' },
	polygon: { coin: 'POL', address: 'evm', txUrl: 'https://polygonscan.com/tx/', addressUrl: 'https://polygonscan.com/address/' },
	arbitrum: { coin: 'ETH', address: 'evm', txUrl: 'https://arbiscan.io/tx/', addressUrl: 'https://arbiscan.io/address/' },
	optimism: { coin: 'ETH', address: 'evm', txUrl: 'https://optimistic.etherscan.io/tx/', addressUrl: 'https://optimistic.etherscan.io/address/' },
	base: { coin: 'ETH', address: 'evm', txUrl: 'https://basescan.org/tx/', addressUrl: 'https://basescan.org/address/' },
	tron: { coin: 'TRX', address: 'tron', txUrl: 'https://tronscan.org/#/transaction/', addressUrl: 'https://tronscan.org/#/address/' },
	bitcoin: { coin: 'BTC', address: 'bitcoin', txUrl: 'https://mempool.space/tx/', addressUrl: 'https://mempool.space/address/' }
};

/**
 * Public example addresses the user may fill in with one click (never queried on their own):
 * the Bitcoin genesis address, and for EVM chains an address with public history on every one.
 */
export const EXAMPLE_ADDRESS: Record<AddressKind, string | undefined> = {
	evm: '0xb8553D9ee35dd23BB96fbd679E651B929821969B',
	bitcoin: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
	// Tron's well-known USDT contract address (TRC-20).
	tron: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'
};

const EVM = /^0x[0-9a-fA-F]{40}$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;
const BITCOIN_LEGACY = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;
// Bech32 / bech32m (segwit v0 and taproot): one case throughout, no 1, b, i or o after the separator.
const BITCOIN_BECH32 = /^bc1[02-9ac-hj-np-z]{11,71}$/;
const TRON = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

export type AddressCheck = { ok: true; address: string } | { ok: false; problem: 'empty' | AddressKind };

/**
 * Whether `input` looks like an address of `chain` (format only: no checksum). Surrounding spaces
 * are dropped; a Bech32 address may be written in capitals and is lowered.
 */
export function checkAddress(chain: Chain, input: string): AddressCheck {
	const raw = input.trim();
	if (raw === '') return { ok: false, problem: 'empty' };
	const kind = CHAIN_INFO[chain].address;
	if (kind === 'evm') return EVM.test(raw) ? { ok: true, address: raw } : { ok: false, problem: 'evm' };
	if (kind === 'tron') return TRON.test(raw) ? { ok: true, address: raw } : { ok: false, problem: 'tron' };
	const lower = raw.toLowerCase();
	if ((raw === lower || raw === raw.toUpperCase()) && BITCOIN_BECH32.test(lower)) return { ok: true, address: lower };
	return BITCOIN_LEGACY.test(raw) && BASE58.test(raw) ? { ok: true, address: raw } : { ok: false, problem: 'bitcoin' };
}

/** Whether a transaction leaves `address` (addresses compared case-insensitively, as EVM ones may differ in case). */
export function isOutgoing(from: string, address: string): boolean {
	return from.toLowerCase() === address.toLowerCase();
}
