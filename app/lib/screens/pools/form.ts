import type { PoolConfigInput } from '../../../../shared/engine/pool';
import { STRATEGIES, type Strategy } from '../../../../shared/engine/strategies';
import type { Tier } from '../../../../shared/engine/adapter';
import type { PoolViewT } from '../../../../shared/api/monitor';
import type { Capability } from '../../../../shared/model';

/**
 * The pool form's draft and its validation, checked in the page before anything is sent (the
 * proxy and the worker check again). Errors are message keys so they read in every language.
 */

export interface MemberDraft {
	provider: string;
	/** Empty: the provider's declared weight. */
	weight: number | null;
	/** Empty: the order in the list. */
	priority: number | null;
	/** '': the provider's own tier. */
	tier: '' | Tier;
}

export interface PoolDraft {
	id: string;
	name: string;
	capabilities: Capability[];
	strategy: Strategy;
	hedge: boolean;
	maxAlternatives: number | null;
	members: MemberDraft[];
}

export type PoolErrorKey =
	| 'pools.err.idRequired'
	| 'pools.err.idPattern'
	| 'pools.err.idReserved'
	| 'pools.err.idTaken'
	| 'pools.err.nameRequired'
	| 'pools.err.nameLong'
	| 'pools.err.strategy'
	| 'pools.err.maxAlternatives'
	| 'pools.err.noMembers'
	| 'pools.err.tooManyMembers'
	| 'pools.err.duplicate'
	| 'pools.err.unknownProvider'
	| 'pools.err.memberNoCapability'
	| 'pools.err.weight'
	| 'pools.err.priority';

/** Field -> error; member fields are `members.<i>.weight` and so on. */
export type PoolErrors = Record<string, PoolErrorKey>;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const isDefaultPool = (id: string): boolean => id.startsWith('default-');

export function emptyDraft(): PoolDraft {
	return { id: '', name: '', capabilities: [], strategy: 'round_robin', hedge: false, maxAlternatives: 10, members: [] };
}

export function draftOf(pool: PoolViewT): PoolDraft {
	return {
		id: pool.id,
		name: pool.name,
		capabilities: [...pool.capabilities],
		strategy: pool.strategy,
		hedge: pool.hedge,
		maxAlternatives: pool.maxAlternatives,
		members: pool.members.map((m) => ({ provider: m.provider, weight: m.weight ?? null, priority: m.priority ?? null, tier: m.tier ?? '' }))
	};
}

/** Does `provider` (its capabilities) fit a pool serving `capabilities` (empty: every one)? */
export const fits = (offers: readonly Capability[], capabilities: readonly Capability[]): boolean =>
	capabilities.length === 0 || capabilities.some((c) => offers.includes(c));

export interface ValidateContext {
	/** Creating a new pool (its id must be free) rather than editing one. */
	creating: boolean;
	/** Ids of the pools that exist. */
	existing: readonly string[];
	/** Capabilities of a provider; undefined when no such provider exists. */
	offers: (provider: string) => readonly Capability[] | undefined;
}

export function validatePool(d: PoolDraft, ctx: ValidateContext): { ok: true; value: PoolConfigInput } | { ok: false; errors: PoolErrors } {
	const errors: PoolErrors = {};
	const id = d.id.trim();
	if (id === '') errors.id = 'pools.err.idRequired';
	else if (!ID.test(id)) errors.id = 'pools.err.idPattern';
	else if (isDefaultPool(id) || id.startsWith('probe--')) errors.id = 'pools.err.idReserved';
	else if (ctx.creating && ctx.existing.includes(id)) errors.id = 'pools.err.idTaken';

	const name = d.name.trim();
	if (name === '') errors.name = 'pools.err.nameRequired';
	else if (name.length > 100) errors.name = 'pools.err.nameLong';

	if (!(STRATEGIES as readonly string[]).includes(d.strategy)) errors.strategy = 'pools.err.strategy';
	const max = d.maxAlternatives;
	if (max === null || !Number.isInteger(max) || max < 1 || max > 50) errors.maxAlternatives = 'pools.err.maxAlternatives';

	if (d.members.length === 0) errors.members = 'pools.err.noMembers';
	else if (d.members.length > 500) errors.members = 'pools.err.tooManyMembers';
	const seen = new Set<string>();
	d.members.forEach((m, i) => {
		const offers = ctx.offers(m.provider);
		if (seen.has(m.provider)) errors[`members.${i}.provider`] = 'pools.err.duplicate';
		else if (offers === undefined) errors[`members.${i}.provider`] = 'pools.err.unknownProvider';
		else if (!fits(offers, d.capabilities)) errors[`members.${i}.provider`] = 'pools.err.memberNoCapability';
		seen.add(m.provider);
		if (m.weight !== null && !(Number.isFinite(m.weight) && m.weight > 0 && m.weight <= 1000)) errors[`members.${i}.weight`] = 'pools.err.weight';
		if (m.priority !== null && !(Number.isInteger(m.priority) && m.priority >= 0 && m.priority <= 10_000)) errors[`members.${i}.priority`] = 'pools.err.priority';
	});

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			id,
			name,
			capabilities: [...d.capabilities],
			strategy: d.strategy,
			hedge: d.hedge,
			maxAlternatives: max ?? 10,
			members: d.members.map((m) => ({
				provider: m.provider,
				...(m.weight !== null ? { weight: m.weight } : {}),
				...(m.priority !== null ? { priority: m.priority } : {}),
				...(m.tier !== '' ? { tier: m.tier } : {})
			}))
		}
	};
}
