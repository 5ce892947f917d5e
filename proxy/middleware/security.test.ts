import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, pageCsp, parseCorsOrigins } from './security';

describe('page CSP', () => {
	it('hashes inline scripts only, exactly as the browser does', () => {
		const body = '\n\t\t\t{ __sveltekit = {}; }\n\t\t';
		const html = `<script type="module" src="/_app/a.js"></script><script>${body}</script><script></script>`;
		const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
		expect(inlineScriptHashes(html)).toEqual([expected]);
	});

	it('never allows inline scripts wholesale and forbids framing', () => {
		const csp = pageCsp(["'sha256-abc'"]);
		expect(csp).toContain("script-src 'self' 'sha256-abc'");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(csp).toContain("frame-ancestors 'none'");
	});

	it('lets scripts compile WebAssembly (the in-browser model) but never eval strings', () => {
		const scriptSrc = pageCsp([]).split('; ').find((d) => d.startsWith('script-src '));
		expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
	});
});

describe('CM_CORS_ORIGINS', () => {
	it('keeps well-formed origins and drops the rest', () => {
		expect(parseCorsOrigins(' https://a.example/ , http://b.example:8080,javascript:alert(1),*,')).toEqual(['https://a.example', 'http://b.example:8080']);
		expect(parseCorsOrigins(undefined)).toEqual([]);
	});
});
