import type { ProbeView } from '../../shared/api/discovery';
import type { ProbeOutcome } from './probe';
import { EVM_CHAIN_IDS, type RawCandidate } from './types';

export interface Thresholds {
	/** Median latency above which a candidate is too slow, ms. Default 1,500. */
	maxP50Ms: number;
	/** Blocks behind the catalog's best node of the chain beyond which a node is rejected, per chain. */
	maxLagBlocks: Readonly<Record<keyof typeof EVM_CHAIN_IDS, number>>;
}

/**
 * About 30–60 seconds of blocks on each chain (block times: ethereum 12 s, bsc ~1 s, polygon 2 s,
 * arbitrum 0.25 s, optimism and base 2 s), so fast chains are not rejected for ordinary jitter.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
	maxP50Ms: 1_500,
	maxLagBlocks: { ethereum: 5, bsc: 40, polygon: 20, arbitrum: 200, optimism: 20, base: 20 },
};

export interface Judgement {
	readonly verdict: 'accepted-candidate' | 'rejected';
	readonly score: number;
	readonly reasons: string[];
	readonly probe: ProbeView;
	readonly cors: boolean;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The verdict, a 0–100 score and the reasons, from what the probes saw. `referenceHeight` is the
 * highest block among the catalog's nodes of the chain (or, without one, the other candidates),
 * read in the same run.
 */
export function judge(candidate: RawCandidate, outcome: ProbeOutcome, referenceHeight: number | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): Judgement {
	const reasons: string[] = [];
	let rejected = false;
	const p50 = median(outcome.samples);
	const cors = outcome.allowOrigin === '*' || (outcome.allowOrigin !== null && outcome.allowOrigin.startsWith('https://discovery.'));
	let lag: number | null = null;

	if (outcome.samples.length === 0) {
		rejected = true;
		reasons.push(outcome.failures[0] ?? 'no answer');
	} else if (outcome.failures.length > 0) {
		rejected = true;
		reasons.push(`${outcome.failures.length} of ${outcome.calls} calls failed: ${outcome.failures[0]}`);
	}

	if (candidate.kind === 'jsonrpc' && candidate.chain && candidate.chain in EVM_CHAIN_IDS && outcome.chainId !== null) {
		const chain = candidate.chain as keyof typeof EVM_CHAIN_IDS;
		const expected = `0x${EVM_CHAIN_IDS[chain].toString(16)}`;
		if (outcome.chainId !== expected) {
			rejected = true;
			reasons.push(`chain id ${outcome.chainId}, expected ${expected}`);
		} else if (outcome.height !== null && referenceHeight !== null) {
			lag = Math.max(0, referenceHeight - outcome.height);
			if (lag > thresholds.maxLagBlocks[chain]) {
				rejected = true;
				reasons.push(`${lag.toLocaleString('en-US')} blocks behind (at most ${thresholds.maxLagBlocks[chain]} on ${chain})`);
			}
		} else if (outcome.height !== null) {
			reasons.push('block lag unknown: no other node of the chain answered');
		}
	}

	if (p50 !== null && p50 > thresholds.maxP50Ms) {
		rejected = true;
		reasons.push(`p50 ${ms(p50)} > ${ms(thresholds.maxP50Ms)}`);
	}

	let score = 0;
	if (!rejected) {
		const latencyPenalty = p50 === null ? 50 : 50 * Math.min(1, p50 / thresholds.maxP50Ms);
		const lagPenalty = lag === null || candidate.chain === undefined ? 0 : 20 * Math.min(1, lag / Math.max(1, thresholds.maxLagBlocks[candidate.chain as keyof typeof EVM_CHAIN_IDS] ?? 1));
		score = Math.round(100 - latencyPenalty - lagPenalty - (cors ? 0 : 15));
		reasons.unshift(`answers in ${ms(p50 ?? 0)} (p50 of ${outcome.samples.length})`);
		if (!cors) reasons.push('no CORS header: browsers reach it through the relay');
	}
	return {
		verdict: rejected ? 'rejected' : 'accepted-candidate',
		score: Math.max(0, score),
		reasons,
		cors,
		probe: { reachable: outcome.samples.length > 0, p50Ms: p50, calls: outcome.calls, allowOrigin: outcome.allowOrigin, chainId: outcome.chainId, height: outcome.height, lagBlocks: lag },
	};
}
