import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

export interface SpaStaticOptions {
	/** Folder holding the built SPA (adapter-static output). */
	root: string;
	/**
	 * The page served for every path that is not a file. Default: `200.html` (adapter-static's
	 * fallback, svelte.config.js), or `index.html` in a folder without it.
	 */
	fallback?: string;
	/** Paths never answered with the SPA, so API clients get JSON 404s. Default: `/api` and below. */
	isApiPath?: (path: string) => boolean;
}

const defaultIsApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** Built assets carry a content hash under /_app/immutable/, so they can be cached forever. */
function withCacheHeaders(response: Response, path: string): Response {
	const immutable = path.startsWith('/_app/immutable/');
	response.headers.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
	return response;
}

const noop = async (): Promise<void> => {};

/**
 * Serves the built SPA: real files first, then the fallback page for any other GET, so deep links
 * work. Missing files under /_app/ stay 404 (a stale chunk must not get HTML with status 200).
 * Register it after every route.
 */
export function spaStatic({
	root,
	fallback: chosen,
	isApiPath = defaultIsApiPath
}: SpaStaticOptions): MiddlewareHandler {
	// Created on first use: serveStatic complains at construction when the folder does not exist yet.
	let files: MiddlewareHandler | undefined;
	// One per fallback name: a rebuild may add 200.html to a folder that had only index.html.
	const fallbackPages = new Map<string, MiddlewareHandler>();

	return async function spaStatic(c, next) {
		const { method, path } = c.req;
		if ((method !== 'GET' && method !== 'HEAD') || isApiPath(path)) return next();

		const fallback = chosen ?? (existsSync(join(root, '200.html')) ? '200.html' : 'index.html');
		if (!existsSync(join(root, fallback))) {
			return c.text('The app is not built yet: run `npm run build` (or `npm start`, which builds it).', 503);
		}

		files ??= serveStatic({ root });
		const file = await files(c, noop);
		if (file) return withCacheHeaders(file, path);

		if (path.startsWith('/_app/')) return next();

		let fallbackPage = fallbackPages.get(fallback);
		if (!fallbackPage) fallbackPages.set(fallback, (fallbackPage = serveStatic({ root, path: fallback })));
		const page = await fallbackPage(c, noop);
		return page ? withCacheHeaders(page, `/${fallback}`) : next();
	};
}
