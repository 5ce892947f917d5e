import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md); recorded on the old api-inference host, same body. */
export const fixtures = [
  {
    capability: 'text-sentiment',
    fixture: 'huggingface/inference-cardiffnlp-twitter-roberta-positive.json',
    params: { texts: ['The pizza arrived hot and fresh, and the toppings were generously spread. Great service overall!'] },
    expect: [{ label: 'positive', score: 0.9840046167373657, model: 'cardiffnlp/twitter-roberta-base-sentiment-latest' }],
  },
] as const satisfies readonly FixtureCase[];
