import { Hono } from 'hono';
import type { Engine } from '../../shared/engine';
import type { Metrics } from '../metrics';
import { docsPage, openApiDocument } from '../openapi';

export interface MetaOptions {
	version: string;
	metrics: Metrics;
	engine?: Engine;
	wsSessions?: () => number;
}

/** The docs page loads nothing and runs nothing. */
const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** `/openapi.json`, `/docs` and `/metrics`. */
export function metaRoutes({ version, metrics, engine, wsSessions }: MetaOptions) {
	const doc = openApiDocument(version);
	const page = docsPage(doc);
	return new Hono()
		.get('/openapi.json', (c) => c.json(doc, 200))
		.get('/docs', (c) => {
			c.header('Content-Security-Policy', DOCS_CSP);
			return c.html(page, 200);
		})
		.get('/metrics', (c) => {
			c.header('Cache-Control', 'no-store');
			return c.body(metrics.render({ engine, wsSessions }), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
		});
}
