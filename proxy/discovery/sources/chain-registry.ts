import { z } from 'zod';
import { chainOfId, EVM_CHAIN_IDS, usableUrl, type DiscoverySource, type RawCandidate } from '../types';

/** Where the whole registry is published (every `_data/chains/eip155-*.json` of ethereum-lists/chains). */
export const CHAIN_REGISTRY_URL = 'https://chainid.network/chains.json';

/** The part of an ethereum-lists/chains entry discovery reads; everything else is ignored. */
const ChainEntry = z.looseObject({ name: z.string(), chainId: z.number().int(), rpc: z.array(z.string()) });

/**
 * JSON-RPC candidates from chain entries (one entry, or the registry's array): the https RPC URLs of
 * the chains the model knows, without key placeholders (`${INFURA_API_KEY}`) and without wss://
 * (the engine speaks HTTP), and not already a provider (same URL).
 */
export function rpcCandidates(doc: unknown, knownUrls: ReadonlySet<string>, allowLoopbackHttp = false): RawCandidate[] {
	const entries = Array.isArray(doc) ? doc : [doc];
	const out: RawCandidate[] = [];
	const seen = new Set<string>();
	for (const item of entries) {
		const parsed = ChainEntry.safeParse(item);
		if (!parsed.success) continue;
		const chain = chainOfId(parsed.data.chainId);
		if (!chain) continue;
		for (const text of parsed.data.rpc) {
			const url = usableUrl(text.trim(), allowLoopbackHttp);
			if (!url) continue;
			// One trailing slash or not is the same endpoint.
			const clean = url.href.replace(/\/$/, '');
			if (seen.has(clean) || knownUrls.has(clean)) continue;
			seen.add(clean);
			out.push({ kind: 'jsonrpc', name: `${url.host} (${parsed.data.name})`, url: clean, category: 'rpc', chain, source: 'chain-registry', expect: `eth_chainId ${`0x${EVM_CHAIN_IDS[chain].toString(16)}`}` });
		}
	}
	return out;
}

export interface ChainRegistryOptions {
	/** The registry document: an array of chain entries. Default {@link CHAIN_REGISTRY_URL}. */
	url?: string;
}

/** The chain registry (ethereum-lists/chains, as published at chainid.network). */
export function chainRegistrySource({ url = CHAIN_REGISTRY_URL }: ChainRegistryOptions = {}): DiscoverySource {
	return {
		name: 'chain-registry',
		async gather(ctx) {
			const text = await ctx.fetchText(url);
			let doc: unknown;
			try {
				doc = JSON.parse(text);
			} catch {
				throw new Error('the chain registry did not answer JSON');
			}
			return rpcCandidates(doc, ctx.knownUrls, ctx.allowLoopbackHttp);
		},
	};
}
