import { t } from '$lib/i18n/index.svelte';
import type { MessageKey } from '$lib/i18n/messages';
import type { Chain } from '../../../../shared/model';

const CHAIN_KEYS: Record<Chain, MessageKey> = {
	ethereum: 'onchain.chain.ethereum',
	bsc: 'onchain.chain.bsc',
	polygon: 'onchain.chain.polygon',
	arbitrum: 'onchain.chain.arbitrum',
	optimism: 'onchain.chain.optimism',
	base: 'onchain.chain.base',
	tron: 'onchain.chain.tron',
	bitcoin: 'onchain.chain.bitcoin'
};

/** A chain's name in the current language. */
export const chainName = (chain: Chain): string => t(CHAIN_KEYS[chain]);
