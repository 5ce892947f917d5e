import type { DiscoverySource, RawCandidate } from './types';

/**
 * A curated list of free, keyless crypto APIs that the catalog does not have yet, each with the
 * request a probe sends and the fields a good answer carries. Written from each service's public
 * API documentation, not from recordings: a probe is what confirms them, and an admin decides.
 */
export const CURATED: readonly RawCandidate[] = [
	{ kind: 'http', name: 'Bitso', url: 'https://api.bitso.com/v3/ticker/?book=btc_mxn', category: 'exchange', source: 'curated', fields: ['success', 'payload.last'], expect: 'BTC/MXN ticker: {success, payload{last, bid, ask, volume}}' },
	{ kind: 'http', name: 'Bitvavo', url: 'https://api.bitvavo.com/v2/ticker/price?market=BTC-EUR', category: 'exchange', source: 'curated', fields: ['market', 'price'], expect: 'BTC-EUR last price: {market, price}' },
	{ kind: 'http', name: 'Upbit', url: 'https://api.upbit.com/v1/ticker?markets=KRW-BTC', category: 'exchange', source: 'curated', fields: ['0.market', '0.trade_price'], expect: 'KRW-BTC ticker: [{market, trade_price, …}]' },
	{ kind: 'http', name: 'Poloniex', url: 'https://api.poloniex.com/markets/price', category: 'exchange', source: 'curated', fields: ['0.symbol', '0.price'], expect: 'every market price: [{symbol, price, …}]' },
	{ kind: 'http', name: 'CoinDCX', url: 'https://api.coindcx.com/exchange/ticker', category: 'exchange', source: 'curated', fields: ['0.market', '0.last_price'], expect: 'every market ticker: [{market, last_price, …}]' },
	{ kind: 'http', name: 'Deribit index', url: 'https://www.deribit.com/api/v2/public/get_index_price?index_name=btc_usd', category: 'market', source: 'curated', fields: ['result.index_price'], expect: 'BTC/USD index: {result{index_price}}' },
	{ kind: 'http', name: 'DIA', url: 'https://api.diadata.org/v1/quotation/BTC', category: 'market', source: 'curated', fields: ['Symbol', 'Price'], expect: 'BTC quotation: {Symbol, Name, Price, …}' },
	{ kind: 'http', name: 'Blockstream Esplora', url: 'https://blockstream.info/api/blocks/tip/height', category: 'explorer', source: 'curated', expect: 'the Bitcoin tip height (a bare number)' },
];

export function curatedSource(list: readonly RawCandidate[] = CURATED): DiscoverySource {
	return {
		name: 'curated',
		gather: (ctx) => Promise.resolve(list.filter((c) => !ctx.knownHosts.has(new URL(c.url).host))),
	};
}
