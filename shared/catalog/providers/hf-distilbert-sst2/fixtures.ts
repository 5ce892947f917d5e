import type { FixtureCase } from '../../testing/cases';

/** Real recorded responses (tests/fixtures/upstream/INDEX.md); recorded on the old api-inference host, same body. */
export const fixtures = [
  {
    capability: 'text-sentiment',
    fixture: 'huggingface/inference-text-classification-sst2.json',
    params: { texts: ['I like you'] },
    expect: [{ label: 'positive', score: 0.9998695850372314, model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' }],
  },
] as const satisfies readonly FixtureCase[];
