import { describe, expect, it } from 'vitest';
import { relayTarget } from '../../proxy/relay/path';
import { allProviders } from '../../shared/catalog/registry';
import type { HttpRequest, HttpResponse, Transport } from '../../shared/engine/ports';
import { browserTransport, ProviderRoutes, relayUrl, withoutKey, type RoutedProvider } from './relay';

const coingecko: RoutedProvider = { id: 'coingecko', baseUrl: 'https://api.coingecko.com/api/v3', cors: true, auth: { kind: 'query', param: 'x_cg_demo_api_key', env: ['COINGECKO_KEY'], optional: true } };
const kraken: RoutedProvider = { id: 'kraken', baseUrl: 'https://api.kraken.com', cors: false, auth: { kind: 'none' } };
const etherscan: RoutedProvider = { id: 'etherscan', baseUrl: 'https://api.etherscan.io/v2', cors: false, auth: { kind: 'query', param: 'apikey', env: ['ETHERSCAN_KEY'], optional: false } };
const cmc: RoutedProvider = { id: 'cmc', baseUrl: 'https://pro-api.coinmarketcap.com', cors: false, auth: { kind: 'header', param: 'X-CMC_PRO_API_KEY', env: ['CMC_KEY'], optional: false } };
const rpc: RoutedProvider = { id: 'ethereum-publicnode', baseUrl: 'https://ethereum-rpc.publicnode.com', cors: false, auth: { kind: 'none' } };

/** A transport that records what it was asked and answers 200. */
function recorder(): Transport & { seen: HttpRequest[] } {
	const seen: HttpRequest[] = [];
	return {
		seen,
		async fetch(request): Promise<HttpResponse> {
			seen.push(request);
			return { status: 200, headers: {}, body: '{}' };
		},
	};
}
const abort = { signal: new AbortController().signal };

describe('relayUrl', () => {
	it('puts the path after the base URL and the query under /relay/<id>/', () => {
		expect(relayUrl('https://proxy.example.org', kraken, 'https://api.kraken.com/0/public/Ticker?pair=XBTUSD')).toBe('https://proxy.example.org/relay/kraken/0/public/Ticker?pair=XBTUSD');
		expect(relayUrl('https://proxy.example.org/', etherscan, 'https://api.etherscan.io/v2/api?chainid=1&module=stats')).toBe('https://proxy.example.org/relay/etherscan/api?chainid=1&module=stats');
		// A relay under a path prefix keeps it.
		expect(relayUrl('https://example.org/monitor', kraken, 'https://api.kraken.com/0/public/Time')).toBe('https://example.org/monitor/relay/kraken/0/public/Time');
	});

	it('maps a request to the bare base URL (JSON-RPC) onto the relay root of the provider', () => {
		expect(relayUrl('http://127.0.0.1:8787', rpc, 'https://ethereum-rpc.publicnode.com')).toBe('http://127.0.0.1:8787/relay/ethereum-publicnode/');
	});

	it('refuses a URL that is not under the provider base', () => {
		expect(relayUrl('https://p.org', etherscan, 'https://api.etherscan.io/v1/api')).toBeUndefined();
		expect(relayUrl('https://p.org', etherscan, 'https://evil.example/v2/api')).toBeUndefined();
		expect(relayUrl('https://p.org', etherscan, 'https://api.etherscan.io/v2api')).toBeUndefined();
	});

	it('gives the proxy relay exactly the upstream URL back, for every no-CORS catalog provider', () => {
		const noCors = allProviders().filter((p) => !p.cors);
		expect(noCors.length).toBeGreaterThan(5);
		for (const p of noCors) {
			const upstream = `${p.baseUrl}/some/path-1.json?a=1&b=x%2Cy`;
			const relayed = relayUrl('https://relay.example.org', p, upstream);
			expect(relayed, p.id).toBeDefined();
			const u = new URL(relayed as string);
			const prefix = `/relay/${p.id}/`;
			expect(u.pathname.startsWith(prefix), p.id).toBe(true);
			expect(relayTarget(p.baseUrl, u.pathname.slice(prefix.length), u.search).href, p.id).toBe(new URL(upstream).href);
		}
	});
});

describe('ProviderRoutes', () => {
	it('matches the longest base URL and respects path boundaries', () => {
		const routes = new ProviderRoutes([
			{ ...kraken, id: 'sim-coingecko', baseUrl: 'http://127.0.0.1:9/coingecko' },
			{ ...kraken, id: 'sim-coingecko-nft', baseUrl: 'http://127.0.0.1:9/coingecko-nft' },
			{ ...kraken, id: 'root', baseUrl: 'http://127.0.0.1:9' },
		]);
		expect(routes.match('http://127.0.0.1:9/coingecko-nft/x')?.provider.id).toBe('sim-coingecko-nft');
		expect(routes.match('http://127.0.0.1:9/coingecko/x')?.provider.id).toBe('sim-coingecko');
		expect(routes.match('http://127.0.0.1:9/other')?.provider.id).toBe('root');
		expect(routes.match('http://127.0.0.2:9/coingecko/x')).toBeUndefined();
	});
});

describe('withoutKey', () => {
	it('drops a query key and a header key, and nothing else', () => {
		const q = withoutKey({ url: 'https://api.etherscan.io/v2/api?module=gas&apikey=SECRET1', method: 'GET', headers: { accept: 'application/json' } }, etherscan.auth);
		expect(q.url).toBe('https://api.etherscan.io/v2/api?module=gas');
		const h = withoutKey({ url: 'https://pro-api.coinmarketcap.com/v1/x', method: 'GET', headers: { accept: 'application/json', 'x-cmc_pro_api_key': 'SECRET2' } }, cmc.auth);
		expect(h.headers).toEqual({ accept: 'application/json' });
	});
});

describe('browserTransport', () => {
	it('fetches CORS providers directly, with the key, and the rest through the relay, without it', async () => {
		const net = recorder();
		let relayBase = 'https://relay-one.example.org';
		const t = browserTransport({ providers: [coingecko, kraken, etherscan, cmc, rpc], relayBase: () => relayBase, direct: net });
		await t.fetch({ url: 'https://api.coingecko.com/api/v3/simple/price?ids=bitcoin&x_cg_demo_api_key=MYKEY123', method: 'GET', headers: { accept: 'application/json' } }, abort);
		await t.fetch({ url: 'https://api.kraken.com/0/public/Ticker?pair=XBTUSD', method: 'GET', headers: { accept: 'application/json' } }, abort);
		relayBase = 'https://relay-two.example.org';
		await t.fetch({ url: 'https://api.etherscan.io/v2/api?module=gastracker&apikey=MYKEY456', method: 'GET', headers: { accept: 'application/json' } }, abort);
		await t.fetch({ url: 'https://pro-api.coinmarketcap.com/v1/global-metrics/quotes/latest', method: 'GET', headers: { accept: 'application/json', 'x-cmc_pro_api_key': 'MYKEY789', 'x-extra': '1' } }, abort);
		await t.fetch({ url: 'https://ethereum-rpc.publicnode.com', method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' }, abort);
		await t.fetch({ url: 'https://unknown.example.org/x', method: 'GET', headers: {} }, abort);

		expect(net.seen.map((r) => r.url)).toEqual([
			'https://api.coingecko.com/api/v3/simple/price?ids=bitcoin&x_cg_demo_api_key=MYKEY123',
			'https://relay-one.example.org/relay/kraken/0/public/Ticker?pair=XBTUSD',
			'https://relay-two.example.org/relay/etherscan/api?module=gastracker',
			'https://relay-two.example.org/relay/cmc/v1/global-metrics/quotes/latest',
			'https://relay-two.example.org/relay/ethereum-publicnode/',
			'https://unknown.example.org/x',
		]);
		expect(net.seen[3]?.headers).toEqual({ accept: 'application/json' });
		expect(net.seen[4]).toMatchObject({ method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber"}' });
		const relayed = JSON.stringify(net.seen.slice(1));
		expect(relayed).not.toMatch(/MYKEY/);
	});
});
