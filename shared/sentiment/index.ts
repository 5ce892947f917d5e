import type { LocalHandler } from '../engine/ports/local';
import { LEXICON_HOST, lexiconHandler, lexiconProvider } from './lexicon-provider';

export { scoreText } from './lexicon';
export { combine, combineVotes, sentimentEnsemble } from './ensemble';
export { modelsReport } from './report';
export { lexiconProvider, lexiconHandler, LEXICON_HOST } from './lexicon-provider';
export { localSentimentProvider, sentimentHandler, type Classifier, type LocalVerdict } from './local-provider';

/**
 * Providers answered in-process that both homes add after the catalog (after base-URL overrides,
 * which must never re-point them). Not in the catalog registry: they have no upstream to record.
 */
export const LOCAL_PROVIDERS = [lexiconProvider] as const;

/** Handlers for LOCAL_PROVIDERS, by local:// host; a home passes them to withLocal(). */
export const localHandlers = (): Record<string, LocalHandler> => ({ [LEXICON_HOST]: lexiconHandler });
