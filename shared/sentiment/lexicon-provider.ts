import { scoreText } from './lexicon';
import { localSentimentProvider, sentimentHandler } from './local-provider';

/** Host under local:// of the lexicon scorer. */
export const LEXICON_HOST = 'lexicon';

/**
 * The lexicon scorer as a text-sentiment provider: last in the pool (tier emergency), so models
 * answer when a token exists and the lexicon answers offline or with no key.
 */
export const lexiconProvider = localSentimentProvider({
  id: 'lexicon',
  name: 'Crypto lexicon (offline)',
  host: LEXICON_HOST,
  model: 'crypto-lexicon',
  // No upstream to document: the word lists live in this repository.
  docs: 'shared/sentiment/lexicon.ts',
  tier: 'emergency',
});

export const lexiconHandler = sentimentHandler((texts) => texts.map((t) => scoreText(t)));
