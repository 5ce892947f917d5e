import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { systemClock } from '../../shared/engine/ports';
import { attachWebSocket, type AttachOptions } from './attach';
import { Hub } from './hub';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(options: AttachOptions = {}) {
	const server: Server = createServer((_req, res) => res.end('http'));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const attached = attachWebSocket(server, { closeGraceMs: 100, ...options });
	cleanups.push(async () => {
		await attached.close();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, attached };
}

function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; first: unknown } | { status: number | undefined }> {
	return new Promise((resolve) => {
		const ws = new WebSocket(url, { headers });
		ws.once('message', (data) => {
			cleanups.push(async () => void ws.terminate());
			resolve({ ws, first: JSON.parse(String(data)) });
		});
		ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
		ws.once('error', () => resolve({ status: undefined }));
	});
}

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
	for (const end = Date.now() + timeoutMs; !condition(); ) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe('attachWebSocket', () => {
	it('upgrades the protocol paths, refuses others with 404, and leaves plain HTTP alone', async () => {
		const { url } = await start();
		expect(await connect(`${url}/ws`)).toMatchObject({ first: { type: 'welcome' } });
		expect(await connect(`${url}/ws/news?client=browser`)).toMatchObject({ first: { type: 'welcome', subscribed: ['news'] } });
		expect(await connect(`${url}/ws/other`)).toEqual({ status: 404 });
		expect(await connect(`${url}/`)).toEqual({ status: 404 });
		expect(await (await fetch(url.replace('ws:', 'http:'))).text()).toBe('http');
	});

	it('records the client type from ?client= before the user agent', async () => {
		const { url, attached } = await start();
		await connect(`${url}/ws?client=mobile`, { 'user-agent': 'Mozilla/5.0 (X11)' });
		expect(attached.hub.sessions()).toEqual([expect.objectContaining({ client_type: 'mobile', user_agent: 'Mozilla/5.0 (X11)' })]);
	});

	it('checks the Origin when told which are allowed', async () => {
		const { url } = await start({ origins: ['https://app.example'] });
		expect(await connect(`${url}/ws`, { origin: 'https://evil.example' })).toEqual({ status: 403 });
		expect(await connect(`${url}/ws`)).toEqual({ status: 403 });
		expect(await connect(`${url}/ws`, { origin: 'https://app.example' })).toMatchObject({ first: { type: 'welcome' } });
	});

	it('drops a client that stops reading once its send queue passes the limit', async () => {
		const hub = new Hub({ clock: systemClock, maxBufferedBytes: 256 * 1024 });
		const { url } = await start({ hub });
		const opened = await connect(`${url}/ws`);
		if (!('ws' in opened)) throw new Error('no connection');
		opened.ws.send(JSON.stringify({ type: 'subscribe', group: 'news' }));
		await until(() => hub.stats().groups.news === 1);
		opened.ws.pause(); // reads nothing more: the kernel buffers fill, then ws's queue grows
		const chunk = 'x'.repeat(64 * 1024);
		for (let i = 0; i < 2_000 && hub.stats().sessions > 0; i++) {
			hub.broadcast('news', chunk);
			if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 1));
		}
		expect(hub.stats()).toMatchObject({ sessions: 0, dropped_slow: 1 });
	});

	it('close() ends every session with 1001', async () => {
		const { url, attached } = await start();
		const opened = await connect(`${url}/ws`);
		if (!('ws' in opened)) throw new Error('no connection');
		const code = new Promise<number>((resolve) => opened.ws.once('close', (c) => resolve(c)));
		await attached.close();
		expect(await code).toBe(1001);
	});
});
