import { randomUUID } from 'node:crypto';
import {
	GROUPS,
	HEARTBEAT_MS,
	MAX_CLIENT_MESSAGE_BYTES,
	parseClientMessage,
	type Group,
	type HubStats,
	type ServerMessage,
	type SessionInfo
} from '../../shared/api/ws';
import type { Clock, TimerHandle } from '../../shared/engine/ports';
import { clientTypeOf } from './client-type';
import { Session, type ConnectInfo, type Connection } from './session';

export interface HubOptions {
	clock: Clock;
	/** Session ids. Default: random UUIDs. */
	newId?: () => string;
	/** Largest inbound message, bytes; larger ones are answered with `error`. Default 16 KiB. */
	maxMessageBytes?: number;
	/** A peer with more than this queued is closed with 1013, never buffered further. Default 1 MiB. */
	maxBufferedBytes?: number;
	/** `heartbeat` period, ms. Default 10,000. */
	heartbeatMs?: number;
	/** A peer silent this long (no message, no pong) is terminated, ms. Default 30,000. */
	idleTimeoutMs?: number;
	/** Bad messages a session may send per minute before it is closed with 1008. Default 20. */
	maxErrorsPerMinute?: number;
}

/** Groups with something to produce; `all` only widens who receives. */
export type FeedGroup = Exclude<Group, 'all'>;
export const FEED_GROUPS = GROUPS.filter((g): g is FeedGroup => g !== 'all');

/** Close codes (RFC 6455 §7.4.1). */
export const CLOSE = { goingAway: 1001, policy: 1008, tryAgainLater: 1013 } as const;

const ERROR_WINDOW_MS = 60_000;

type ActivityListener = (group: FeedGroup, active: boolean) => void;
type SubscribeListener = (session: Session, group: Group) => void;

/**
 * The session registry and fan-out, independent of the transport. A message to a group is
 * serialised once and the same string goes to every member; a member that reads too slowly is
 * closed rather than buffered for. Listeners learn when a group gains its first member or loses
 * its last (feeds start and stop on that), and when a session joins a group (to replay the last
 * update to it).
 */
export class Hub {
	readonly #clock: Clock;
	readonly #newId: () => string;
	readonly #maxMessageBytes: number;
	readonly #maxBufferedBytes: number;
	readonly #heartbeatMs: number;
	readonly #idleTimeoutMs: number;
	readonly #maxErrors: number;
	readonly #sessions = new Map<string, Session>();
	readonly #members = new Map<Group, Set<Session>>(GROUPS.map((g) => [g, new Set<Session>()]));
	readonly #activity = new Set<ActivityListener>();
	readonly #joins = new Set<SubscribeListener>();
	#heartbeat: TimerHandle | undefined;
	#total = 0;
	#sent = 0;
	#received = 0;
	#droppedSlow = 0;
	#evicted = 0;

	constructor({
		clock,
		newId = randomUUID,
		maxMessageBytes = MAX_CLIENT_MESSAGE_BYTES,
		maxBufferedBytes = 1024 * 1024,
		heartbeatMs = HEARTBEAT_MS,
		idleTimeoutMs = 30_000,
		maxErrorsPerMinute = 20
	}: HubOptions) {
		this.#clock = clock;
		this.#newId = newId;
		this.#maxMessageBytes = maxMessageBytes;
		this.#maxBufferedBytes = maxBufferedBytes;
		this.#heartbeatMs = heartbeatMs;
		this.#idleTimeoutMs = idleTimeoutMs;
		this.#maxErrors = maxErrorsPerMinute;
	}

	get maxMessageBytes(): number {
		return this.#maxMessageBytes;
	}

	// ---- listeners ----

	/** Called when a feed group gains its first receiver (`active`) or loses its last. */
	onActivity(listener: ActivityListener): () => void {
		this.#activity.add(listener);
		return () => this.#activity.delete(listener);
	}

	/** Called when a session joins a group (not when it repeats a subscribe). */
	onSubscribe(listener: SubscribeListener): () => void {
		this.#joins.add(listener);
		return () => this.#joins.delete(listener);
	}

	// ---- sessions ----

	/** Registers a peer, greets it, and joins the groups its path implies. */
	connect(conn: Connection, { path = '/ws', userAgent = '', clientType, subscribe = [] }: ConnectInfo = {}): Session {
		const now = this.#clock.now();
		const session = new Session(this.#newId(), conn, clientTypeOf(clientType, userAgent), userAgent.slice(0, 256), path, now);
		this.#sessions.set(session.id, session);
		this.#total++;
		this.#send(session, {
			type: 'welcome',
			session_id: session.id,
			groups: [...GROUPS],
			subscribed: [...new Set(subscribe)],
			heartbeat_ms: this.#heartbeatMs,
			max_message_bytes: this.#maxMessageBytes
		});
		for (const group of subscribe) this.subscribe(session, group);
		if (!this.#heartbeat) this.#scheduleHeartbeat();
		return session;
	}

	/** Forgets a session (its socket closed). Safe to call more than once. */
	disconnect(session: Session): void {
		if (!this.#sessions.delete(session.id)) return;
		session.open = false;
		const before = this.#activeGroups();
		for (const group of session.groups) this.#members.get(group)?.delete(session);
		this.#notifyActivity(before);
		if (this.#sessions.size === 0) this.#stopHeartbeat();
	}

	/** The peer showed it is alive without a message (a transport pong). */
	alive(session: Session): void {
		session.lastSeen = this.#clock.now();
	}

	sessions(): SessionInfo[] {
		return [...this.#sessions.values()].map((s) => s.info());
	}

	session(id: string): Session | undefined {
		return this.#sessions.get(id);
	}

	stats(): HubStats {
		const groups = {} as Record<Group, number>;
		for (const g of GROUPS) groups[g] = this.#members.get(g)?.size ?? 0;
		return {
			sessions: this.#sessions.size,
			total_sessions: this.#total,
			messages_sent: this.#sent,
			messages_received: this.#received,
			dropped_slow: this.#droppedSlow,
			evicted: this.#evicted,
			groups
		};
	}

	/** Whether anyone receives this group's messages (its members, or anyone in `all`). */
	isActive(group: FeedGroup): boolean {
		return (this.#members.get(group)?.size ?? 0) > 0 || (this.#members.get('all')?.size ?? 0) > 0;
	}

	// ---- inbound ----

	/** One message from a peer: text, or the raw bytes (checked for size before decoding). */
	receive(session: Session, data: string | Uint8Array): void {
		if (!session.open) return;
		session.lastSeen = this.#clock.now();
		session.received++;
		this.#received++;
		const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
		if (bytes > this.#maxMessageBytes) {
			return this.#reject(session, `message too large: ${bytes} bytes; the limit is ${this.#maxMessageBytes}`);
		}
		const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
		const parsed = parseClientMessage(text);
		if (!parsed.ok) return this.#reject(session, parsed.error);
		const message = parsed.message;
		switch (message.type) {
			case 'subscribe':
				return this.subscribe(session, message.group);
			case 'unsubscribe':
				return this.unsubscribe(session, message.group);
			case 'ping':
				return void this.#send(session, { type: 'pong', ts: this.#clock.now() });
			case 'get_stats':
				return void this.#send(session, { type: 'stats_response', ts: this.#clock.now(), ...this.stats() });
		}
	}

	subscribe(session: Session, group: Group): void {
		if (!session.open) return;
		const joined = !session.groups.has(group);
		const before = joined ? this.#activeGroups() : undefined;
		if (joined) {
			session.groups.add(group);
			this.#members.get(group)?.add(session);
		}
		this.#send(session, { type: 'subscribed', group });
		if (!joined || !before) return;
		this.#notifyActivity(before);
		for (const l of this.#joins) l(session, group);
	}

	unsubscribe(session: Session, group: Group): void {
		if (!session.open) return;
		if (session.groups.delete(group)) {
			const before = this.#activeGroups();
			this.#members.get(group)?.delete(session);
			this.#notifyActivity(before);
		}
		this.#send(session, { type: 'unsubscribed', group });
	}

	// ---- outbound ----

	/**
	 * Sends one message to every receiver of a group (its members and `all`'s), serialised once.
	 * Returns how many sessions it was handed to.
	 */
	publish(group: Group, message: ServerMessage): number {
		return this.publishText(group, JSON.stringify(message));
	}

	/** `publish` for a message already serialised (a feed keeps the text to replay it). */
	publishText(group: Group, text: string): number {
		let count = 0;
		const members = this.#members.get(group) ?? new Set<Session>();
		for (const s of members) if (this.sendText(s, text)) count++;
		if (group !== 'all') {
			for (const s of this.#members.get('all') ?? []) if (!s.groups.has(group) && this.sendText(s, text)) count++;
		}
		return count;
	}

	/** `/api/broadcast`: `data` to a group's receivers; to `all` means every open session. */
	broadcast(group: Group, data: unknown): number {
		const message: ServerMessage = { type: 'broadcast', group, data, ts: this.#clock.now() };
		if (group !== 'all') return this.publish(group, message);
		const text = JSON.stringify(message);
		let count = 0;
		for (const s of [...this.#sessions.values()]) if (this.sendText(s, text)) count++;
		return count;
	}

	/**
	 * Hands an already serialised message to one peer, unless it is too far behind: a peer whose
	 * queue would pass the limit is closed with 1013 so its backlog can never grow the heap.
	 */
	sendText(session: Session, text: string): boolean {
		if (!session.open) return false;
		if (session.conn.bufferedAmount + text.length > this.#maxBufferedBytes) {
			this.#droppedSlow++;
			this.#drop(session, () => session.conn.close(CLOSE.tryAgainLater, 'too slow: send buffer over its limit'));
			return false;
		}
		session.conn.send(text);
		session.sent++;
		this.#sent++;
		return true;
	}

	/** Closes every session (1001) and stops the heartbeat. */
	close(): void {
		for (const s of [...this.#sessions.values()]) this.#drop(s, () => s.conn.close(CLOSE.goingAway, 'server shutting down'));
		this.#stopHeartbeat();
	}

	// ---- internals ----

	#send(session: Session, message: ServerMessage): boolean {
		return this.sendText(session, JSON.stringify(message));
	}

	/** A bad message gets a clear `error`; a flood of them closes the session (1008). */
	#reject(session: Session, error: string): void {
		const now = this.#clock.now();
		if (now - session.errorWindowStart >= ERROR_WINDOW_MS) {
			session.errorWindowStart = now;
			session.errors = 0;
		}
		if (++session.errors > this.#maxErrors) {
			this.#drop(session, () => session.conn.close(CLOSE.policy, 'too many bad messages'));
			return;
		}
		this.#send(session, { type: 'error', message: error });
	}

	#drop(session: Session, close: () => void): void {
		this.disconnect(session);
		try {
			close();
		} catch {
			// The socket is already gone; the session is forgotten either way.
		}
	}

	#activeGroups(): Set<FeedGroup> {
		return new Set(FEED_GROUPS.filter((g) => this.isActive(g)));
	}

	#notifyActivity(before: ReadonlySet<FeedGroup>): void {
		if (this.#activity.size === 0) return;
		for (const g of FEED_GROUPS) {
			const now = this.isActive(g);
			if (now !== before.has(g)) for (const l of this.#activity) l(g, now);
		}
	}

	#scheduleHeartbeat(): void {
		this.#heartbeat = this.#clock.setTimeout(() => this.#beat(), this.#heartbeatMs);
	}

	#stopHeartbeat(): void {
		if (this.#heartbeat) this.#clock.clearTimeout(this.#heartbeat);
		this.#heartbeat = undefined;
	}

	/** Evicts silent peers, then sends one shared `heartbeat` (and a transport ping) to the rest. */
	#beat(): void {
		this.#heartbeat = undefined;
		const now = this.#clock.now();
		const text = JSON.stringify({ type: 'heartbeat', ts: now } satisfies ServerMessage);
		for (const s of [...this.#sessions.values()]) {
			if (now - s.lastSeen >= this.#idleTimeoutMs) {
				this.#evicted++;
				this.#drop(s, () => s.conn.terminate());
				continue;
			}
			if (!this.sendText(s, text)) continue;
			try {
				s.conn.ping?.();
			} catch {
				// A ping on a closing socket; its close event will remove it.
			}
		}
		if (this.#sessions.size > 0) this.#scheduleHeartbeat();
	}
}
