import { createHash } from 'node:crypto';
import type { CandidateView, DiscoveryRun, DiscoveryStatus } from '../../shared/api/discovery';
import type { Engine } from '../../shared/engine';
import { buildHttpRequest } from '../../shared/engine/request';
import type { Chain } from '../../shared/model';
import type { StoreDb } from '../store';
import type { ProbeFetch } from './http';
import { DEFAULT_CALLS, probeHttp, probeJsonRpc, rpcResult, type ProbeOutcome } from './probe';
import { DEFAULT_THRESHOLDS, judge, type Thresholds } from './score';
import { DiscoveryStore } from './store';
import type { DiscoverySource, RawCandidate } from './types';

export interface DiscoveryRunnerOptions {
	engine: Engine;
	db: StoreDb;
	sources: readonly DiscoverySource[];
	/** Every probe and source read goes through this (the relay's network guard). */
	fetch: ProbeFetch;
	/** The loopback override is on (tests, the offline demo): loopback http:// candidates are allowed. */
	allowLoopbackHttp?: boolean;
	thresholds?: Thresholds;
	/** Calls per candidate. Default 3. */
	calls?: number;
	/** Candidates probed at once. Default 4. */
	concurrency?: number;
	/** A run stops probing after this long; the rest are rejected as not probed. Default 5 minutes. */
	runTimeoutMs?: number;
	/** Candidates per run at most (the registry lists thousands of URLs, most for other chains). Default 300. */
	maxCandidates?: number;
	now?: () => number;
}

/** A candidate with every source that listed it. */
type Listed = RawCandidate & { sources: string[] };

/** A stable, readable id: `<chain or category>-<host and path>-<hash>`, at most 64 characters. */
export function candidateId(c: Pick<RawCandidate, 'url' | 'chain' | 'category'>): string {
	const url = new URL(c.url);
	const slug = `${c.chain ?? c.category}-${url.host}${url.pathname}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 50)
		.replace(/-+$/, '');
	return `${slug}-${createHash('sha256').update(c.url).digest('hex').slice(0, 6)}`;
}

/** Gathers, probes, judges and stores candidates; one run at a time. */
export class DiscoveryRunner {
	readonly store: DiscoveryStore;
	readonly #o: Required<Omit<DiscoveryRunnerOptions, 'db'>>;
	#current: { run: DiscoveryRun; done: Promise<DiscoveryRun> } | undefined;
	#stopped = false;

	constructor({ db, ...o }: DiscoveryRunnerOptions) {
		this.store = new DiscoveryStore(db);
		this.#o = { allowLoopbackHttp: false, thresholds: DEFAULT_THRESHOLDS, calls: DEFAULT_CALLS, concurrency: 4, runTimeoutMs: 300_000, maxCandidates: 300, now: Date.now, ...o };
		this.store.closeUnfinished(this.#o.now());
	}

	/** Stops probing (shutdown): the run in progress records what it has and ends. */
	stop(): void {
		this.#stopped = true;
	}

	get running(): DiscoveryRun | undefined {
		return this.#current?.run;
	}

	/** Starts a run, or returns the one in progress (`started: false`). */
	start(trigger: DiscoveryRun['trigger']): { started: boolean; run: DiscoveryRun; done: Promise<DiscoveryRun> } {
		if (this.#current) return { started: false, ...this.#current };
		const run = this.store.startRun(trigger, this.#o.now());
		const done = this.#execute(run).finally(() => (this.#current = undefined));
		this.#current = { run, done };
		return { started: true, run, done };
	}

	status(extra: { intervalHours: number; nextRunAt: number | null }): DiscoveryStatus {
		const candidates = this.store.candidates().sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
		const count = (f: (c: CandidateView) => boolean) => candidates.filter(f).length;
		const current = this.#current?.run;
		return {
			running: current !== undefined,
			progress: current ? { probed: current.probed, total: current.total } : null,
			...extra,
			lastRun: this.store.runs(1)[0] ?? null,
			counts: {
				total: candidates.length,
				candidates: count((c) => c.verdict === 'accepted-candidate' && c.decision === 'pending'),
				rejected: count((c) => c.verdict === 'rejected' && c.decision === 'pending'),
				accepted: count((c) => c.decision === 'accepted'),
				dismissed: count((c) => c.decision === 'dismissed'),
			},
			candidates,
		};
	}

	async #execute(run: DiscoveryRun): Promise<DiscoveryRun> {
		const deadline = this.#o.now() + this.#o.runTimeoutMs;
		try {
			const gathered = await this.#gather(run);
			run.total = gathered.length;
			this.store.updateRun(run);
			const references = await this.#referenceHeights(gathered);
			const outcomes = new Map<string, ProbeOutcome>();
			let next = 0;
			const worker = async () => {
				while (next < gathered.length) {
					const c = gathered[next++] as Listed;
					if (this.#stopped) return;
					if (this.#o.now() > deadline) continue;
					outcomes.set(c.url, c.kind === 'jsonrpc' ? await probeJsonRpc(this.#o.fetch, c.url, this.#o.calls) : await probeHttp(this.#o.fetch, c, this.#o.calls));
					run.probed++;
				}
			};
			await Promise.all(Array.from({ length: Math.min(this.#o.concurrency, gathered.length) }, worker));
			for (const c of gathered) this.#record(c, outcomes.get(c.url), references, run);
		} catch (error) {
			run.sourceErrors.push(`the run failed: ${error instanceof Error ? error.message : 'unknown error'}`);
		}
		run.finishedAt = this.#o.now();
		try {
			this.store.updateRun(run);
		} catch {
			// The database closed under a run stopped by shutdown; the next start closes the run.
		}
		return run;
	}

	/** Every source's candidates, one per URL (the first source to list it names it; all are kept). */
	async #gather(run: DiscoveryRun): Promise<Listed[]> {
		const knownHosts = new Set(this.#o.engine.runtimes().flatMap((rt) => {
			try {
				return [new URL(rt.spec.baseUrl).host];
			} catch {
				return [];
			}
		}));
		const knownUrls = new Set(this.#o.engine.runtimes().map((rt) => rt.spec.baseUrl.replace(/\/+$/, '')));
		const ctx = {
			knownHosts,
			knownUrls,
			allowLoopbackHttp: this.#o.allowLoopbackHttp,
			fetchText: async (url: string) => {
				const res = await this.#o.fetch(url);
				if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
				return res.text;
			},
		};
		const byUrl = new Map<string, Listed>();
		for (const source of this.#o.sources) {
			let list: RawCandidate[];
			try {
				list = await source.gather(ctx);
			} catch (error) {
				run.sourceErrors.push(`${source.name}: ${error instanceof Error ? error.message : 'could not be read'}`);
				continue;
			}
			for (const c of list) {
				const seen = byUrl.get(c.url);
				if (seen) seen.sources.push(c.source);
				else byUrl.set(c.url, { ...c, sources: [c.source] });
			}
		}
		// Dismissed and accepted candidates are not probed again.
		const open = [...byUrl.values()].filter((c) => {
			const stored = this.store.byUrl(c.url);
			return !stored || stored.decision === 'pending';
		});
		if (open.length > this.#o.maxCandidates) run.sourceErrors.push(`${open.length} candidates listed; this run probes the first ${this.#o.maxCandidates}`);
		return open.slice(0, this.#o.maxCandidates);
	}

	/**
	 * The highest block among the catalog's keyless JSON-RPC nodes of each chain that has
	 * candidates, read now, so lag compares like with like.
	 */
	async #referenceHeights(candidates: readonly RawCandidate[]): Promise<Map<Chain, number>> {
		const chains = new Set(candidates.flatMap((c) => (c.kind === 'jsonrpc' && c.chain ? [c.chain] : [])));
		const heights = new Map<Chain, number>();
		const ctx = { now: this.#o.now(), symbolId: () => undefined };
		await Promise.all(
			this.#o.engine.runtimes().flatMap((rt) => {
				const adapter = rt.spec.capabilities['block-height'];
				if (rt.spec.category !== 'rpc' || rt.spec.auth.kind !== 'none' || !adapter) return [];
				return [...chains].map(async (chain) => {
					const spec = adapter.request({ chain }, ctx);
					if (typeof spec === 'string') return;
					const req = buildHttpRequest(rt.spec, spec, undefined);
					if (req.method !== 'POST' || !req.body?.includes('eth_blockNumber')) return;
					try {
						const answer = rpcResult(await this.#o.fetch(req.url, { body: req.body }));
						if ('result' in answer) heights.set(chain, Math.max(heights.get(chain) ?? 0, Number(BigInt(answer.result))));
					} catch {
						// A catalog node that is down simply gives no reference.
					}
				});
			}),
		);
		return heights;
	}

	#record(c: Listed, outcome: ProbeOutcome | undefined, references: Map<Chain, number>, run: DiscoveryRun): void {
		const at = this.#o.now();
		const stored = this.store.byUrl(c.url);
		const reference = c.chain ? (references.get(c.chain) ?? null) : null;
		const j = outcome
			? judge(c, outcome, reference, this.#o.thresholds)
			: ({ verdict: 'rejected', score: 0, reasons: [`not probed: the run's time cap (${Math.round(this.#o.runTimeoutMs / 1000)} s) was reached`], cors: false, probe: { reachable: false, p50Ms: null, calls: 0, allowOrigin: null, chainId: null, height: null, lagBlocks: null } } as const);
		if (j.verdict === 'rejected') run.rejected++;
		else run.accepted++;
		this.store.put(
			{
				id: stored?.id ?? candidateId(c),
				kind: c.kind,
				name: c.name,
				url: c.url,
				category: c.category,
				chain: c.chain ?? null,
				sources: c.sources,
				expect: c.expect ?? null,
				verdict: j.verdict,
				decision: stored?.decision ?? 'pending',
				score: j.score,
				reasons: [...j.reasons],
				probe: j.probe,
				cors: j.cors,
				firstSeenAt: stored?.firstSeenAt ?? at,
				probedAt: at,
				providerId: stored?.providerId ?? null,
			},
			at,
		);
	}
}
