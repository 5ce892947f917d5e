import type { AuthSpec } from '../../shared/engine/adapter';
import type { HttpRequest, Transport } from '../../shared/engine/ports';

/**
 * Routing for direct mode. A provider that sends CORS headers (`cors: true`) is fetched directly;
 * one that does not goes through the relay as `<relayBase>/relay/<providerId>/<path>?<query>`,
 * where `<path>` is what follows the provider's base URL (the relay puts it back under the same
 * base: see proxy/relay/path.ts `relayTarget`).
 *
 * Keys: a key the user entered goes only to the provider itself. A relayed request never carries
 * it: the key's query parameter and header are removed (the relay adds the key of the proxy it
 * belongs to, when that proxy holds one). A relay is a third party unless it is the user's own
 * proxy, and even then it forwards only Accept and Content-Type, so sending the key would leak it
 * for nothing.
 */

export interface RoutedProvider {
	readonly id: string;
	readonly baseUrl: string;
	readonly cors: boolean;
	readonly auth: AuthSpec;
}

interface Route {
	readonly provider: RoutedProvider;
	readonly origin: string;
	/** The base URL's path without a trailing slash ('' for a bare origin). */
	readonly basePath: string;
}

/** Headers a relay passes on (everything else would only trigger a preflight for nothing). */
const RELAYED_HEADERS = ['accept', 'content-type'] as const;

/** Which provider a request URL belongs to: the longest base URL it lies under. */
export class ProviderRoutes {
	readonly #routes: Route[];

	constructor(providers: readonly RoutedProvider[]) {
		this.#routes = providers
			.flatMap((provider) => {
				try {
					const base = new URL(provider.baseUrl);
					return [{ provider, origin: base.origin, basePath: base.pathname.replace(/\/+$/, '') }];
				} catch {
					return [];
				}
			})
			.sort((a, b) => b.basePath.length - a.basePath.length);
	}

	match(url: string): Route | undefined {
		let u: URL;
		try {
			u = new URL(url);
		} catch {
			return undefined;
		}
		return this.#routes.find((r) => r.origin === u.origin && (r.basePath === '' || u.pathname === r.basePath || u.pathname.startsWith(`${r.basePath}/`)));
	}
}

/**
 * The relay URL for a request to `provider`: `<relayBase>/relay/<id>/<path after the base>?<query>`.
 * Undefined when `url` is not under the provider's base URL.
 */
export function relayUrl(relayBase: string, provider: Pick<RoutedProvider, 'id' | 'baseUrl'>, url: string): string | undefined {
	let target: URL;
	let base: URL;
	try {
		target = new URL(url);
		base = new URL(provider.baseUrl);
	} catch {
		return undefined;
	}
	const basePath = base.pathname.replace(/\/+$/, '');
	if (target.origin !== base.origin) return undefined;
	if (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) return undefined;
	const rest = target.pathname.slice(basePath.length).replace(/^\//, '');
	return `${relayBase.replace(/\/+$/, '')}/relay/${encodeURIComponent(provider.id)}/${rest}${target.search}`;
}

/** The request without the provider's key (query parameter or header); other providers' requests pass unchanged. */
export function withoutKey(request: HttpRequest, auth: AuthSpec): HttpRequest {
	if (auth.kind === 'none') return request;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		const lower = name.toLowerCase();
		if (auth.kind === 'header' && lower === auth.param.toLowerCase()) continue;
		headers[lower] = value;
	}
	let url = request.url;
	if (auth.kind === 'query') {
		const u = new URL(request.url);
		if (u.searchParams.has(auth.param)) {
			u.searchParams.delete(auth.param);
			url = u.href;
		}
	}
	return { ...request, url, headers };
}

export interface BrowserTransportOptions {
	readonly providers: readonly RoutedProvider[];
	/** The relay's origin (and path prefix), read at each request so a settings change applies at once. */
	readonly relayBase: () => string;
	/** The network itself (directTransport in the browser). */
	readonly direct: Transport;
}

/** Direct for CORS providers and unknown URLs; through the relay, without the key, for the rest. */
export function browserTransport({ providers, relayBase, direct }: BrowserTransportOptions): Transport {
	const routes = new ProviderRoutes(providers);
	return {
		fetch(request, abort) {
			const route = routes.match(request.url);
			if (!route || route.provider.cors) return direct.fetch(request, abort);
			const stripped = withoutKey(request, route.provider.auth);
			const url = relayUrl(relayBase(), route.provider, stripped.url);
			if (!url) return direct.fetch(request, abort);
			const headers: Record<string, string> = {};
			for (const name of RELAYED_HEADERS) {
				const v = stripped.headers[name];
				if (v !== undefined) headers[name] = v;
			}
			return direct.fetch({ ...stripped, url, headers }, abort);
		},
	};
}
