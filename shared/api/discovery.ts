import { z } from 'zod';
import { CATEGORIES } from '../engine/adapter';
import { CHAINS } from '../model';
import type { Operation } from './rest';

/**
 * Provider discovery's REST shapes (proxy only: the worker has no discovery). Candidates come
 * from open registries, are probed and scored, and wait for an admin to accept or dismiss them.
 */

export const DISCOVERY_KINDS = ['jsonrpc', 'http'] as const;
/** What the probes concluded. */
export const VERDICTS = ['accepted-candidate', 'rejected'] as const;
/** What an admin decided: nothing yet, accepted into the catalog (a live provider), or dismissed. */
export const DECISIONS = ['pending', 'accepted', 'dismissed'] as const;
export const DISCOVERY_SOURCES = ['chain-registry', 'seed-catalog', 'curated'] as const;

const candidateId = z
  .string()
  .max(64, 'a candidate id is at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a candidate id is lower-case letters, digits and dashes');
export const CandidateParams = z.object({ id: candidateId });
export const AcceptBody = z.strictObject({
  /** A pool to add the new provider to (it also joins the default pool of each of its capabilities). */
  pool: z.string().max(64).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a pool id is lower-case letters, digits and dashes').optional(),
});
export const ReportQuery = z.object({ limit: z.coerce.number().int('limit must be a whole number').min(1).max(500).default(50) });

export const ProbeView = z.object({
  /** Answered 2xx with the expected shape at least once. */
  reachable: z.boolean(),
  /** Median latency of the calls that answered, ms (null when none did). */
  p50Ms: z.number().nullable(),
  calls: z.number().int(),
  /** The Access-Control-Allow-Origin header seen (null when none). */
  allowOrigin: z.string().nullable(),
  /** JSON-RPC only: the chain id the node reported, hex. */
  chainId: z.string().nullable(),
  /** JSON-RPC only: the block height the node reported. */
  height: z.number().nullable(),
  /** JSON-RPC only: blocks behind the highest catalog node of its chain in the same run. */
  lagBlocks: z.number().nullable(),
});
export type ProbeView = z.infer<typeof ProbeView>;

export const CandidateView = z.object({
  id: z.string(),
  kind: z.enum(DISCOVERY_KINDS),
  name: z.string(),
  url: z.string(),
  category: z.enum(CATEGORIES),
  chain: z.enum(CHAINS).nullable(),
  /** Where it was listed (one or more sources). */
  sources: z.array(z.string()),
  /** What it should answer (curated entries), for people reading the list. */
  expect: z.string().nullable(),
  verdict: z.enum(VERDICTS),
  decision: z.enum(DECISIONS),
  /** 0–100: rejected candidates score 0. */
  score: z.number(),
  /** Why, in words: "chain id 0x38, expected 0x1", "32 blocks behind", "connection refused". */
  reasons: z.array(z.string()),
  probe: ProbeView,
  /** Would a browser be allowed to call it directly (CORS)? */
  cors: z.boolean(),
  firstSeenAt: z.number(),
  probedAt: z.number(),
  /** The live provider made from it, once accepted. */
  providerId: z.string().nullable(),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const DiscoveryRun = z.object({
  id: z.number().int(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  total: z.number().int(),
  probed: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Sources that could not be read, with why. */
  sourceErrors: z.array(z.string()),
});
export type DiscoveryRun = z.infer<typeof DiscoveryRun>;

export const DiscoveryStatus = z.object({
  running: z.boolean(),
  /** While running: candidates probed so far out of the run's total. */
  progress: z.object({ probed: z.number().int(), total: z.number().int() }).nullable(),
  /** 0 = scheduled runs off. */
  intervalHours: z.number(),
  nextRunAt: z.number().nullable(),
  lastRun: DiscoveryRun.nullable(),
  counts: z.object({ total: z.number().int(), candidates: z.number().int(), rejected: z.number().int(), accepted: z.number().int(), dismissed: z.number().int() }),
  candidates: z.array(CandidateView),
});
export type DiscoveryStatus = z.infer<typeof DiscoveryStatus>;

export const DiscoveryReport = z.object({ runs: z.array(DiscoveryRun), total: z.number().int() });
export const DiscoveryStarted = z.object({ started: z.literal(true), run: DiscoveryRun });
export const CandidateAccepted = z.object({ candidate: CandidateView, provider: z.string(), pool: z.string().nullable() });

// ---- the operations (spread into OPERATIONS in ./rest.ts; only its type is imported, so no cycle) ----

const ADMIN = [401, 403, 429] as const;
export const CandidateDismissed = z.object({ candidate: CandidateView });

export const DISCOVERY_OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/resources/discovery/status', tag: 'discovery', summary: 'Discovery: running?, progress, the last run, counts and every candidate with its score, verdict and reasons', ok: { status: 200, body: DiscoveryStatus }, errors: [429, 503] },
  { method: 'post', path: '/api/resources/discovery/run', tag: 'discovery', admin: true, summary: 'Start a discovery run now (409 while one is running); follow it at /api/resources/discovery/status', ok: { status: 202, body: DiscoveryStarted }, errors: [409, ...ADMIN, 503] },
  { method: 'get', path: '/api/reports/discovery', tag: 'discovery', summary: 'Discovery runs, newest first', query: ReportQuery, ok: { status: 200, body: DiscoveryReport }, errors: [400, 429, 503] },
  { method: 'post', path: '/api/resources/discovery/candidates/{id}/accept', tag: 'discovery', admin: true, summary: 'Accept a JSON-RPC candidate: it becomes a live user provider, optionally added to a pool', params: CandidateParams, body: AcceptBody, ok: { status: 201, body: CandidateAccepted }, errors: [400, 404, 409, 413, 415, ...ADMIN, 503] },
  { method: 'post', path: '/api/resources/discovery/candidates/{id}/dismiss', tag: 'discovery', admin: true, summary: 'Dismiss a candidate: later runs no longer probe it', params: CandidateParams, ok: { status: 200, body: CandidateDismissed }, errors: [400, 404, 409, ...ADMIN, 503] },
];

/** What the Reports screen asks of discovery (proxy mode only; the worker answers `no_proxy`). */
export type DiscoveryAction = { kind: 'run' } | { kind: 'accept'; id: string; pool?: string } | { kind: 'dismiss'; id: string };
/** The message direct mode shows: the worker has no discovery. */
export const DISCOVERY_PROXY_ONLY = 'Discovery runs on the proxy: switch to proxy mode in Settings to find and accept new providers.';
