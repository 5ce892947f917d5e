import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Engine } from '../../../shared/engine';
import type { CircuitBreaker } from '../../../shared/engine/breaker';

/**
 * Breaker state shared by every proxy process on one Redis. Each local transition (a breaker
 * opening on failures, closing after probes, forced open, disabled) is published on
 * `cm:breakers` with the process's id and kept as the latest word in the hash `cm:breakers`;
 * the other processes apply it to their own breaker (open until the same time, close, force open,
 * disable). A process starting later reads the hash, so it starts with the breakers open that are
 * open elsewhere. Half-open is local: each process probes on its own once the open time passes.
 */

export const BREAKER_CHANNEL = 'cm:breakers';
export const BREAKER_HASH = 'cm:breakers';

const SharedTransition = z.object({
	origin: z.string(),
	/** `provider` for the provider's breaker, `provider:capability` for an endpoint's. */
	breaker: z.string().min(1),
	state: z.enum(['closed', 'open', 'half_open', 'forced_open', 'disabled']),
	openUntil: z.number(),
	at: z.number()
});
type SharedTransition = z.infer<typeof SharedTransition>;

export interface BreakerSync {
	/** Applies the breakers open elsewhere (from the hash), then follows the channel. */
	start(): Promise<void>;
	stop(): void;
}

export function breakerSync(engine: Engine, pub: Redis, sub: Redis, origin: string, onError: (error: unknown) => void): BreakerSync {
	/** Set while a remote transition is applied, so it is not published back. */
	let applying = false;

	const find = (name: string): CircuitBreaker | undefined => {
		const [provider = '', capability] = name.split(':');
		const rt = engine.runtime(provider);
		if (!rt) return undefined;
		return capability === undefined ? rt.breaker : rt.endpoints.get(capability as never);
	};

	const apply = (t: SharedTransition): void => {
		if (t.origin === origin) return;
		const breaker = find(t.breaker);
		if (!breaker || breaker.state === t.state) return;
		applying = true;
		try {
			if (t.state === 'open') breaker.openUntil(t.openUntil, `opened by another process (${t.origin})`);
			else if (t.state === 'closed') breaker.reset();
			else if (t.state === 'forced_open') breaker.forceOpen();
			else if (t.state === 'disabled') breaker.disable();
			// half_open: each process probes on its own when the open time has passed.
		} finally {
			applying = false;
		}
	};

	const onMessage = (channel: string, text: string): void => {
		if (channel !== BREAKER_CHANNEL) return;
		const parsed = parse(text);
		if (parsed) apply(parsed);
	};

	let off: (() => void) | undefined;
	return {
		async start() {
			const saved = await pub.hgetall(BREAKER_HASH);
			const now = Date.now();
			for (const text of Object.values(saved)) {
				const t = parse(text);
				// What was open and has since lapsed, or closed, needs nothing at start.
				if (t && (t.state === 'forced_open' || t.state === 'disabled' || (t.state === 'open' && t.openUntil > now))) apply(t);
			}
			sub.on('message', onMessage);
			await sub.subscribe(BREAKER_CHANNEL);
			off = engine.events.on('breaker', (e) => {
				if (applying || e.to === 'half_open') return;
				const breaker = find(e.provider);
				const t: SharedTransition = { origin, breaker: e.provider, state: e.to, openUntil: breaker?.toJSON().openUntil ?? 0, at: e.at };
				const text = JSON.stringify(t);
				pub
					.multi()
					.hset(BREAKER_HASH, e.provider, text)
					.publish(BREAKER_CHANNEL, text)
					.exec()
					.catch(onError);
			});
		},
		stop() {
			off?.();
			sub.off('message', onMessage);
		}
	};
}

function parse(text: string): SharedTransition | undefined {
	try {
		const r = SharedTransition.safeParse(JSON.parse(text));
		return r.success ? r.data : undefined;
	} catch {
		return undefined;
	}
}
