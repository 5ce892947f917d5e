import type { ClientType, Group, SessionInfo } from '../../shared/api/ws';

/** One peer as the hub sees it; the real one wraps a `ws` socket (attach.ts), tests pass fakes. */
export interface Connection {
	send(text: string): void;
	/** Bytes queued for this peer and not yet written to the socket. */
	readonly bufferedAmount: number;
	close(code: number, reason: string): void;
	/** Drops the socket at once: a dead peer never answers a close handshake. */
	terminate(): void;
	/** A transport-level ping (a WebSocket ping frame), which browsers answer without app code. */
	ping?(): void;
}

export interface ConnectInfo {
	/** The path connected on; default `/ws`. */
	path?: string;
	userAgent?: string;
	/** `?client=` as sent; ignored unless it names a client type. */
	clientType?: string | null;
	/** Groups joined at once (a path alias). */
	subscribe?: readonly Group[];
}

/** One connected peer: who it is, what it joined, what it sent and received. */
export class Session {
	readonly groups = new Set<Group>();
	sent = 0;
	received = 0;
	lastSeen: number;
	open = true;
	errors = 0;
	errorWindowStart: number;

	constructor(
		readonly id: string,
		readonly conn: Connection,
		readonly clientType: ClientType,
		readonly userAgent: string,
		readonly path: string,
		readonly connectedAt: number
	) {
		this.lastSeen = connectedAt;
		this.errorWindowStart = connectedAt;
	}

	info(): SessionInfo {
		return {
			id: this.id,
			client_type: this.clientType,
			connected_at: this.connectedAt,
			user_agent: this.userAgent,
			path: this.path,
			groups: [...this.groups],
			messages_sent: this.sent,
			messages_received: this.received,
			last_seen: this.lastSeen
		};
	}
}
