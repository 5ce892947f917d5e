import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreText } from './lexicon';

interface Headline { text: string; label: 'positive' | 'neutral' | 'negative'; clear: boolean }
const held = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../tests/fixtures/sentiment/headlines.json', import.meta.url)), 'utf8'),
) as { headlines: Headline[] };

describe('lexicon scorer', () => {
  it('has a held set of at least 60 headlines', () => {
    expect(held.headlines.length).toBeGreaterThanOrEqual(60);
  });

  it('labels the held headlines with accuracy of at least 0.8', () => {
    const wrong = held.headlines.filter((h) => scoreText(h.text).label !== h.label);
    const accuracy = 1 - wrong.length / held.headlines.length;
    expect(accuracy, JSON.stringify(wrong.map((w) => [w.text, scoreText(w.text)]), null, 1)).toBeGreaterThanOrEqual(0.8);
  });

  it('never flips a clear positive to negative or the reverse', () => {
    const flips = held.headlines.filter((h) => {
      if (!h.clear || h.label === 'neutral') return false;
      const got = scoreText(h.text).label;
      return got !== h.label && got !== 'neutral';
    });
    expect(flips.map((f) => f.text)).toEqual([]);
  });

  it('reads crypto slang, emoji and phrases', () => {
    expect(scoreText('wen moon 🚀').label).toBe('positive');
    expect(scoreText('got rekt').label).toBe('negative');
    expect(scoreText('rug pull confirmed').label).toBe('negative');
    expect(scoreText('ETF approval is here').label).toBe('positive');
  });

  it('negation turns the polarity around', () => {
    expect(scoreText('this is bullish').label).toBe('positive');
    expect(scoreText('this is not bullish').label).toBe('negative');
    expect(scoreText('the bridge was not hacked').label).toBe('positive');
  });

  it('intensifiers raise confidence', () => {
    const plain = scoreText('bitcoin rally');
    const strong = scoreText('bitcoin massive rally');
    expect(strong.label).toBe('positive');
    expect(strong.score).toBeGreaterThan(plain.score);
  });

  it('gives neutral with a bounded score for empty or unrelated text', () => {
    for (const t of ['', 'the committee meets on tuesday', '12345']) {
      const r = scoreText(t);
      expect(r.label).toBe('neutral');
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every score within 0-1', () => {
    for (const h of held.headlines) {
      const { score } = scoreText(h.text + ' 🚀🚀🚀🚀🚀🚀');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
