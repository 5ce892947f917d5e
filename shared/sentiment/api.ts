import type { Operation } from '../api/rest';
import { AnalyzeBody, ModelsReport, SentimentEnsemble } from './schema';

/** The sentiment routes of the proxy's REST contract; spread into OPERATIONS (shared/api/rest.ts). */
export const SENTIMENT_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/resources/sentiment/analyze',
    tag: 'resources',
    summary: 'Text sentiment by every available model (lexicon, hosted models), combined into an ensemble with agreement',
    body: AnalyzeBody,
    ok: { status: 200, body: SentimentEnsemble },
    errors: [400, 413, 415, 429, 503],
  },
  {
    method: 'get',
    path: '/api/reports/models',
    tag: 'reports',
    summary: 'Sentiment models: breaker state, latency, success rate, whether a key is present (never the key)',
    ok: { status: 200, body: ModelsReport },
    errors: [429],
  },
];
