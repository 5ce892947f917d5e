import { describe, expect, it } from 'vitest';
import { combine, fearGreedPart, labelOf, mentions, newsPart, socialPart, toIndex } from './market';

const at = 1_700_000_000_000;
const news = (title: string, symbols: string[] = []) => ({ id: title, title, url: 'https://example.org/a', source: 'x', publishedAt: at, symbols });
const post = (title: string) => ({ id: title, title, url: 'https://example.org/p', score: 1, comments: 0, t: at });
const okInput = <T>(items: T[]) => ({ ok: true as const, items, source: 'prov', ts: at, stale: false });

describe('market sentiment parts', () => {
  it('reads the newest fear & greed value as a score around 50', () => {
    const p = fearGreedPart(okInput([{ value: 20, label: 'Extreme Fear', ts: at - 86_400_000 }, { value: 80, label: 'Extreme Greed', ts: at }]));
    expect(p).toMatchObject({ ok: true, index: 80, indexLabel: 'Extreme Greed', label: 'positive', count: 1, source: 'prov', ts: at });
    expect(p.score).toBeCloseTo(0.6);
  });

  it('keeps a failed part with its reason, never blank', () => {
    const p = fearGreedPart({ ok: false, error: 'fear-greed: alternative-me: timeout' });
    expect(p).toMatchObject({ ok: false, score: null, source: null, error: 'fear-greed: alternative-me: timeout' });
  });

  it('scores headlines with the lexicon and counts the labels', () => {
    const p = newsPart(okInput([news('Bitcoin hits record high as ETF inflows surge'), news('Exchange halts withdrawals after security breach'), news('Bitcoin hits record high again')]));
    expect(p.ok).toBe(true);
    expect(p.count).toBe(3);
    expect(p.breakdown.positive).toBe(2);
    expect(p.breakdown.negative).toBe(1);
    expect(p.score).toBeGreaterThan(0);
  });

  it("a coin's part keeps only the items that mention it, by ticker, tag or name", () => {
    const items = [news('Solana rallies', []), news('ETH upgrade ships', []), news('Market wrap', ['SOL']), news('SOLAR panels')];
    const p = newsPart(okInput(items), { symbol: 'SOL', name: 'solana' });
    expect(p.count).toBe(2);
    const none = socialPart(okInput([post('Nothing here')]), { symbol: 'SOL' });
    expect(none).toMatchObject({ ok: false, source: 'prov', error: 'no recent post mentions SOL' });
  });

  it('matches tickers as words, with an optional $', () => {
    expect(mentions('Buying $BTC today', 'BTC')).toBe(true);
    expect(mentions('BTCUSD chart', 'BTC')).toBe(false);
    expect(mentions('The bitcoin story', 'BTC', 'bitcoin')).toBe(true);
  });
});

describe('combine', () => {
  it('weights the parts that answered and leaves out the failed ones', () => {
    const fg = fearGreedPart(okInput([{ value: 100, label: 'Extreme Greed', ts: at }]));
    const failed = newsPart({ ok: false, error: 'down' });
    const s = combine([fg, failed], {});
    expect(s).toMatchObject({ scope: 'global', symbol: null, score: 1, index: 100, label: 'positive' });
    expect(s.parts).toHaveLength(2);
  });

  it('has no score when no part answered', () => {
    expect(combine([fearGreedPart({ ok: false, error: 'x' })], { symbol: 'BTC' })).toMatchObject({ scope: 'coin', symbol: 'BTC', score: null, index: null, label: null });
  });

  it('labels around a neutral band and maps to 0–100', () => {
    expect(labelOf(0.05)).toBe('neutral');
    expect(labelOf(-0.5)).toBe('negative');
    expect(toIndex(-1)).toBe(0);
    expect(toIndex(0)).toBe(50);
  });
});
