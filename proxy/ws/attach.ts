import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { WS_PATHS, type Group } from '../../shared/api/ws';
import { systemClock, type Clock } from '../../shared/engine/ports';
import { Feeds, type FeedEngine, type FeedsOptions } from './feeds';
import { Hub } from './hub';
import type { Connection } from './session';

/** The part of a node server this needs; `serve()`'s http server qualifies. */
export interface UpgradeServer {
	on(event: 'upgrade', listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): unknown;
	off(event: 'upgrade', listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): unknown;
}

export interface AttachOptions {
	/** Drives the feeds; without one only broadcasts, stats and pings flow. */
	engine?: FeedEngine;
	/** The registry the REST side also reads (`/api/sessions`). Default: a new one. */
	hub?: Hub;
	/** Paths that accept a WebSocket and the group each pre-subscribes. Default: `WS_PATHS`. */
	paths?: Readonly<Record<string, Group | undefined>>;
	/** Allowed `Origin`s (exact, e.g. `https://app.example`); a function decides itself. Default: any. */
	origins?: readonly string[] | ((origin: string | undefined) => boolean);
	/**
	 * Frames larger than this are abuse and close the socket (1009) before being read. Frames
	 * between the hub's message limit (16 KiB) and this get an `error` and the session stays.
	 * Default 1 MiB.
	 */
	maxFrameBytes?: number;
	clock?: Clock;
	/** On close, how long peers have to answer the close handshake before their sockets are cut, ms. Default 1,000. */
	closeGraceMs?: number;
	/** Options of the feeds (intervals, requests). */
	feeds?: Omit<FeedsOptions, 'clock'>;
}

export interface AttachedWebSocket {
	readonly hub: Hub;
	readonly feeds: Feeds | undefined;
	readonly wss: WebSocketServer;
	/** Stops the feeds, closes every session (1001) and detaches from the server. */
	close(): Promise<void>;
}

/**
 * Serves the WebSocket protocol on a node server's `upgrade` event: `ws` in `noServer` mode, the
 * hub for sessions and fan-out, the feeds for upstream data. Other paths get a 404 and are closed.
 */
export function attachWebSocket(server: UpgradeServer, options: AttachOptions = {}): AttachedWebSocket {
	const { engine, paths = WS_PATHS as Readonly<Record<string, Group | undefined>>, origins, maxFrameBytes = 1024 * 1024, clock = systemClock, closeGraceMs = 1_000 } = options;
	const hub = options.hub ?? new Hub({ clock });
	const feeds = engine ? new Feeds(hub, engine, { clock, ...options.feeds }) : undefined;
	// No compression: it costs CPU per client per message, and every client gets the same text.
	const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: false });
	const originAllowed = typeof origins === 'function' ? origins : origins ? (o: string | undefined) => o !== undefined && origins.includes(o) : () => true;

	const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (!Object.hasOwn(paths, url.pathname)) return reject(socket, 404, 'Not Found');
		if (!originAllowed(req.headers.origin)) return reject(socket, 403, 'Forbidden');
		const group = paths[url.pathname];
		wss.handleUpgrade(req, socket, head, (ws) => {
			const session = hub.connect(wrap(ws), {
				path: url.pathname,
				userAgent: req.headers['user-agent'] ?? '',
				clientType: url.searchParams.get('client') ?? url.searchParams.get('client_type'),
				subscribe: group ? [group] : []
			});
			ws.on('message', (data) => hub.receive(session, bytesOf(data)));
			ws.on('pong', () => hub.alive(session));
			ws.on('close', () => hub.disconnect(session));
			// 'close' follows every 'error' (bad frame, oversized frame, reset); nothing else to do.
			ws.on('error', () => undefined);
		});
	};

	server.on('upgrade', onUpgrade);
	feeds?.start();

	let closed: Promise<void> | undefined;
	return {
		hub,
		feeds,
		wss,
		close() {
			closed ??= new Promise<void>((resolve) => {
				server.off('upgrade', onUpgrade);
				feeds?.stop();
				hub.close();
				// Peers that do not finish the close handshake would hold the server's close() open.
				const late = setTimeout(() => {
					for (const ws of wss.clients) ws.terminate();
				}, closeGraceMs);
				wss.close(() => {
					clearTimeout(late);
					resolve();
				});
			});
			return closed;
		}
	};
}

function wrap(ws: WebSocket): Connection {
	return {
		send: (text) => ws.send(text),
		get bufferedAmount() {
			return ws.bufferedAmount;
		},
		close: (code, reason) => ws.close(code, reason),
		terminate: () => ws.terminate(),
		ping: () => ws.ping()
	};
}

function bytesOf(data: RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function reject(socket: Duplex, status: number, text: string): void {
	socket.once('finish', () => socket.destroy());
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}
