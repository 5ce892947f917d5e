import type { ProbeFetch, ProbeResponse } from './http';
import type { RawCandidate } from './types';

/** What the calls to one candidate showed, before any judgement. */
export interface ProbeOutcome {
	/** Latency of each call that answered with the right shape, ms. */
	readonly samples: readonly number[];
	readonly calls: number;
	readonly allowOrigin: string | null;
	/** Why calls failed, first failure first (deduplicated). */
	readonly failures: readonly string[];
	readonly chainId: string | null;
	readonly height: number | null;
}

/** Calls per candidate: JSON-RPC sends eth_chainId once then eth_blockNumber this many times; HTTP GETs this many times. */
export const DEFAULT_CALLS = 3;

const HEX = /^0x[0-9a-fA-F]{1,64}$/;

/** The `result` of a JSON-RPC 2.0 answer, or a reason why it is not one. */
export function rpcResult(res: ProbeResponse): { result: string } | { reason: string } {
	if (res.status < 200 || res.status > 299) return { reason: `HTTP ${res.status}` };
	let body: unknown;
	try {
		body = JSON.parse(res.text);
	} catch {
		return { reason: /^\s*</.test(res.text) ? 'answers HTML, not JSON-RPC' : 'answers something that is not JSON' };
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return { reason: 'not a JSON-RPC answer' };
	if ('error' in body && body.error) {
		const message = typeof body.error === 'object' && body.error !== null && 'message' in body.error && typeof body.error.message === 'string' ? body.error.message.slice(0, 80) : 'an error';
		return { reason: `JSON-RPC error: ${message}` };
	}
	if (!('result' in body) || typeof body.result !== 'string' || !HEX.test(body.result)) return { reason: 'not a JSON-RPC answer (no hex result)' };
	return { result: body.result };
}

const rpcBody = (method: string, id: number) => JSON.stringify({ jsonrpc: '2.0', id, method, params: [] });

/** eth_chainId once, then eth_blockNumber `calls` times; a dead endpoint stops at its first failure. */
export async function probeJsonRpc(fetch: ProbeFetch, url: string, calls = DEFAULT_CALLS): Promise<ProbeOutcome> {
	const samples: number[] = [];
	const failures: string[] = [];
	let allowOrigin: string | null = null;
	let chainId: string | null = null;
	let height: number | null = null;
	let made = 0;
	const methods = ['eth_chainId', ...new Array<string>(calls).fill('eth_blockNumber')];
	for (const [i, method] of methods.entries()) {
		made++;
		let res: ProbeResponse;
		try {
			res = await fetch(url, { body: rpcBody(method, i + 1) });
		} catch (error) {
			failures.push(error instanceof Error ? error.message : 'the request failed');
			break;
		}
		allowOrigin ??= res.allowOrigin;
		const answer = rpcResult(res);
		if ('reason' in answer) {
			failures.push(answer.reason);
			if (i === 0) break;
			continue;
		}
		samples.push(res.ms);
		if (method === 'eth_chainId') chainId = `0x${BigInt(answer.result).toString(16)}`;
		else height = Math.max(height ?? 0, Number(BigInt(answer.result)));
	}
	return { samples, calls: made, allowOrigin, failures: [...new Set(failures)], chainId, height };
}

/** The value at a dotted path (`payload.last`, `0.price`), or undefined. */
function at(value: unknown, path: string): unknown {
	let cur: unknown = value;
	for (const part of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = Array.isArray(cur) ? cur[Number(part)] : (cur as Record<string, unknown>)[part];
	}
	return cur;
}

/** GET `calls` times: each must be 2xx JSON carrying the expected fields. */
export async function probeHttp(fetch: ProbeFetch, candidate: Pick<RawCandidate, 'url' | 'fields'>, calls = DEFAULT_CALLS): Promise<ProbeOutcome> {
	const samples: number[] = [];
	const failures: string[] = [];
	let allowOrigin: string | null = null;
	let made = 0;
	for (let i = 0; i < calls; i++) {
		made++;
		let res: ProbeResponse;
		try {
			res = await fetch(candidate.url);
		} catch (error) {
			failures.push(error instanceof Error ? error.message : 'the request failed');
			break;
		}
		allowOrigin ??= res.allowOrigin;
		if (res.status < 200 || res.status > 299) {
			failures.push(`HTTP ${res.status}`);
			break;
		}
		let body: unknown;
		try {
			body = JSON.parse(res.text);
		} catch {
			failures.push(/^\s*</.test(res.text) ? 'answers HTML, not JSON' : 'answers something that is not JSON');
			break;
		}
		const missing = (candidate.fields ?? []).filter((f) => at(body, f) === undefined || at(body, f) === null);
		if (missing.length > 0) {
			failures.push(`the answer lacks ${missing.map((m) => `'${m}'`).join(', ')}`);
			break;
		}
		samples.push(res.ms);
	}
	return { samples, calls: made, allowOrigin, failures: [...new Set(failures)], chainId: null, height: null };
}
