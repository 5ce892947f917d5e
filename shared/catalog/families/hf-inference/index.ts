import type { LimitSpec, Tier } from '../../../engine/adapter';
import { defineProvider, type Provider } from '../../define';
import { classify } from './classify';
import { textSentiment } from './text-sentiment';

export { canonicalLabel } from './labels';
export { classify as classifyHfInference } from './classify';

/** Sentiment models the older system listed, most useful first; the first is the default. */
export const SENTIMENT_MODELS = [
  'cardiffnlp/twitter-roberta-base-sentiment-latest',
  'ProsusAI/finbert',
  'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
] as const;
export type SentimentModel = (typeof SENTIMENT_MODELS)[number];

export interface HfModelOptions<Id extends string> {
  readonly id: Id;
  readonly name: string;
  readonly model: SentimentModel;
  readonly limits?: LimitSpec;
  readonly tier?: Tier;
  readonly weight?: number;
  /** True only when a real answer of this model (or its label set) parses. */
  readonly verified?: boolean;
}

/**
 * One text-classification model on Hugging Face's `hf-inference` provider, behind the router
 * (https://router.huggingface.co/hf-inference/models/<model>; the old api-inference host answers
 * 410 Gone). Each model is its own provider so the engine's pool rotates models with fallback.
 */
export function hfSentimentModel<const Id extends string>(o: HfModelOptions<Id>): Provider<Id> {
  return defineProvider({
    id: o.id,
    name: o.name,
    category: 'ai',
    baseUrl: 'https://router.huggingface.co/hf-inference',
    docs: `https://huggingface.co/${o.model}`,
    // The router refuses anonymous calls: a (free) user access token is required.
    auth: { kind: 'header', param: 'Authorization', prefix: 'Bearer ', env: ['HUGGINGFACE_TOKEN'], optional: false },
    // HF prices free use in monthly credits, not requests; this keeps a free token well inside them.
    limits: o.limits ?? { perMinute: 30, perDay: 1000 },
    cors: true,
    tier: o.tier ?? 'medium',
    weight: o.weight ?? 1,
    verified: o.verified ?? false,
    capabilities: { 'text-sentiment': textSentiment(o.model) },
    classify,
  });
}
