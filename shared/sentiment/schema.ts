import { z } from 'zod';
import { SentimentLabel, TextSentimentParams } from '../model/capabilities';

// The breaker states of shared/engine/breaker (not imported from api/rest: rest.ts imports this module's operations).
const BreakerStateEnum = z.enum(['closed', 'open', 'half_open', 'forced_open', 'disabled']);

/** One model's answer for one text, with the provider that gave it. */
export const SentimentVote = z.object({
  source: z.string(),
  model: z.string(),
  label: SentimentLabel,
  score: z.number().min(0).max(1),
});

/** The ensemble's answer for one text: the winning label and the share of models that agree. */
export const EnsembleItem = z.object({
  text: z.string(),
  label: SentimentLabel,
  /** Mean confidence of the votes for the winning label. */
  score: z.number().min(0).max(1),
  /** Share (0-1) of the models that answered and agree with `label`. */
  agreement: z.number().min(0).max(1),
  votes: z.array(SentimentVote),
});

/** How each asked model fared (answers or why not). */
export const ModelOutcome = z.object({
  source: z.string(),
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const SentimentEnsemble = z.object({
  items: z.array(EnsembleItem),
  models: z.array(ModelOutcome),
  ts: z.number(),
});
export type SentimentEnsembleT = z.infer<typeof SentimentEnsemble>;

export const AnalyzeBody = z.strictObject({ texts: TextSentimentParams.shape.texts });

/** One sentiment model provider as /api/reports/models shows it; a key is only ever "present". */
export const ModelReport = z.object({
  id: z.string(),
  name: z.string(),
  /** Where it runs: a hosted inference API, or in-process (lexicon, browser model). */
  runs: z.enum(['remote', 'local']),
  tier: z.string(),
  state: BreakerStateEnum,
  available: z.boolean(),
  keyPresent: z.boolean(),
  keyRequired: z.boolean(),
  requests: z.number().int(),
  successes: z.number().int(),
  successRate: z.number(),
  latencyMs: z.object({ p50: z.number(), p95: z.number(), ewma: z.number() }),
  lastError: z.string().nullable(),
});
export const ModelsReport = z.object({ models: z.array(ModelReport), total: z.number().int(), generatedAt: z.number() });
export type ModelsReportT = z.infer<typeof ModelsReport>;

/** The in-browser model (direct mode): whether it is on, and its one-time download. */
export const BrowserModelState = z.object({
  enabled: z.boolean(),
  model: z.string(),
  status: z.enum(['off', 'idle', 'loading', 'ready', 'error']),
  /** The file being downloaded and its progress 0-100, while loading. */
  file: z.string().nullable(),
  progress: z.number().min(0).max(100).nullable(),
  error: z.string().nullable(),
});
export type BrowserModelStateT = z.infer<typeof BrowserModelState>;
