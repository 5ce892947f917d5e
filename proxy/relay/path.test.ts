import { describe, expect, it } from 'vitest';
import { checkRelayPath, checkRelayQuery, RelayError, relayTarget } from './path';

const status = (fn: () => unknown): number | 'ok' => {
	try {
		fn();
		return 'ok';
	} catch (e) {
		if (e instanceof RelayError) return e.status;
		throw e;
	}
};

describe('checkRelayPath', () => {
	it.each(['', 'v1/ticker', '0/public/Ticker', 'api/v3/simple/price/', 'a:b,c;d=e', 'coins%20list', 'a~b_c-d.e', 'x%3Ay'])('accepts %j unchanged', (raw) => expect(checkRelayPath(raw)).toBe(raw));

	it.each([
		['..', 'dot-dot'],
		['a/../b', 'dot-dot segment'],
		['.', 'dot segment'],
		['%2e%2e/admin', 'encoded dot-dot'],
		['%2E%2e/admin', 'mixed-case encoded dot-dot'],
		['.%2e/admin', 'half-encoded dot-dot'],
		['..%2fadmin', 'dot-dot with encoded slash'],
		['a%2f..%2f..%2fadmin', 'encoded slashes'],
		['%252e%252e/admin', 'double-encoded dot-dot'],
		['a%5c..%5cadmin', 'encoded backslash'],
		['a\\..\\admin', 'backslash'],
		['http://evil.example/x', 'absolute URL'],
		['https:%2F%2Fevil.example', 'encoded absolute URL'],
		['//evil.example/x', 'protocol-relative URL'],
		['a//b', 'empty segment'],
		['@evil.example', 'userinfo'],
		['user%40evil.example', 'encoded userinfo'],
		['a%0d%0aSet-Cookie:%20x=1', 'encoded CR/LF'],
		['a\r\nX: y', 'raw CR/LF'],
		['a%00b', 'encoded NUL'],
		['a b', 'raw space'],
		['a%zz', 'malformed escape'],
		['a%e0%a4%a', 'truncated escape'],
		['a%ff', 'invalid UTF-8'],
		['x'.repeat(3000), 'too long']
	])('refuses %j (%s) with 400', (raw) => expect(status(() => checkRelayPath(raw))).toBe(400));
});

describe('checkRelayQuery', () => {
	it.each(['', '?', '?a=1', '?symbols=BTC,ETH&vs=usd', '?q=a+b%20c'])('accepts %j', (q) => expect(status(() => checkRelayQuery(q))).toBe('ok'));
	it.each(['?a=%0d%0aX:1', '?a=%0a', '?a=\r', '?a=%00', '?a=%zz', `?${'a'.repeat(5000)}`])('refuses %j with 400', (q) => expect(status(() => checkRelayQuery(q))).toBe(400));
});

describe('relayTarget', () => {
	it('appends the path to the base path and keeps the query', () => {
		expect(relayTarget('https://api.kraken.com', '0/public/Ticker', '?pair=XBTUSD').href).toBe('https://api.kraken.com/0/public/Ticker?pair=XBTUSD');
		expect(relayTarget('https://pro-api.example.com/v1', 'cryptocurrency/quotes', '').href).toBe('https://pro-api.example.com/v1/cryptocurrency/quotes');
		expect(relayTarget('http://127.0.0.1:9999/kraken', '', '').href).toBe('http://127.0.0.1:9999/kraken/');
	});

	it.each(['../v2/x', '%2e%2e/v2', '..%2fv2', 'http://evil.example', '@evil.example/x', '/evil.example/x'])('never leaves the base for %j', (raw) =>
		expect(status(() => relayTarget('https://api.example.com/v1', raw, ''))).toBe(400)
	);
});
