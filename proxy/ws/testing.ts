import type { ServerMessage } from '../../shared/api/ws';
import type { Connection } from './session';

/** A peer for unit tests: records what it is sent, with a settable send queue. */
export class FakeConnection implements Connection {
	readonly sent: string[] = [];
	bufferedAmount = 0;
	closed: { code: number; reason: string } | undefined;
	terminated = false;
	pings = 0;

	send(text: string): void {
		this.sent.push(text);
	}

	close(code: number, reason: string): void {
		this.closed = { code, reason };
	}

	terminate(): void {
		this.terminated = true;
	}

	ping(): void {
		this.pings++;
	}

	messages(): ServerMessage[] {
		return this.sent.map((t) => JSON.parse(t) as ServerMessage);
	}

	/** Messages of one type, typed. */
	of<T extends ServerMessage['type']>(type: T): Array<Extract<ServerMessage, { type: T }>> {
		return this.messages().filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
	}

	get isOpen(): boolean {
		return !this.closed && !this.terminated;
	}
}
