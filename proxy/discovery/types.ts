import type { Category } from '../../shared/engine';
import type { Chain } from '../../shared/model';

/** A candidate as a source lists it, before any probe. */
export interface RawCandidate {
	readonly kind: 'jsonrpc' | 'http';
	readonly name: string;
	/** JSON-RPC: the node's endpoint (POSTed to). HTTP: the URL a GET probe reads. */
	readonly url: string;
	readonly category: Category;
	/** JSON-RPC: the chain it is listed under. */
	readonly chain?: Chain;
	/** Which source listed it. */
	readonly source: string;
	/** HTTP: top-level fields (dotted paths; `0.` for an array's first item) a good answer carries. */
	readonly fields?: readonly string[];
	/** In words, what it should answer. */
	readonly expect?: string;
}

/** What a source needs: a fetch through the network guard, and what the catalog already has. */
export interface SourceContext {
	/** GET a URL through the guard; the body as text. Throws an Error with a readable message. */
	fetchText(url: string): Promise<string>;
	/** Hosts (`host[:port]`) of providers already in the catalog or added by users. */
	knownHosts: ReadonlySet<string>;
	/** Base URLs (no trailing slash) of providers already in the engine: one host may serve several chains by path. */
	knownUrls: ReadonlySet<string>;
	/** True when the test override lets loopback http:// URLs through. */
	allowLoopbackHttp: boolean;
}

export interface DiscoverySource {
	readonly name: string;
	gather(ctx: SourceContext): Promise<RawCandidate[]>;
}

/** EVM chain ids of the chains the model knows (tron and bitcoin are not JSON-RPC EVM chains). */
export const EVM_CHAIN_IDS = { ethereum: 1, bsc: 56, polygon: 137, arbitrum: 42161, optimism: 10, base: 8453 } as const satisfies Partial<Record<Chain, number>>;
export type EvmChain = keyof typeof EVM_CHAIN_IDS;
export const chainOfId = (id: number): EvmChain | undefined => (Object.keys(EVM_CHAIN_IDS) as EvmChain[]).find((c) => EVM_CHAIN_IDS[c] === id);

/**
 * A URL a probe may be sent to: https only (http only for loopback under the test override), no
 * credentials, no `${API_KEY}`-style placeholder, no query carrying something that looks like a key.
 */
export function usableUrl(text: string, allowLoopbackHttp: boolean): URL | undefined {
	if (/\$\{|\{[A-Za-z_]+\}|<[A-Za-z_]+>/.test(text)) return undefined;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
	if (url.protocol !== 'https:' && !(allowLoopbackHttp && loopback && url.protocol === 'http:')) return undefined;
	if (url.username !== '' || url.password !== '') return undefined;
	if ([...url.searchParams.keys()].some((k) => /key|token|secret|auth/i.test(k))) return undefined;
	// Keys are often path segments of 32+ hex/base62 characters (…/v3/<key>).
	if (url.pathname.split('/').some((seg) => /^[A-Za-z0-9_-]{32,}$/.test(seg))) return undefined;
	return url;
}
