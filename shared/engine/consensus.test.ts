import { describe, expect, it } from 'vitest';
import type { Quote } from '../model';
import { DEFAULT_DEVIATION_PCT, median, priceConsensus } from './consensus';

const TS = 1_700_000_000_000;
const quote = (symbol: string, price: number, ts = TS): Quote => ({ symbol, vs: 'USD', price, ts });
const answer = (provider: string, ...quotes: Quote[]) => ({ provider, quotes });

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('priceConsensus', () => {
  it('answers the median price per symbol with the newest timestamp', () => {
    const r = priceConsensus([
      answer('a', quote('BTC', 100, TS), quote('ETH', 10, TS + 5)),
      answer('b', quote('BTC', 101, TS + 9), quote('ETH', 10.1, TS)),
      answer('c', quote('BTC', 100.5, TS + 1)),
    ]);
    expect(r.quotes).toEqual([
      { symbol: 'BTC', vs: 'USD', price: 100.5, ts: TS + 9 },
      { symbol: 'ETH', vs: 'USD', price: 10.05, ts: TS + 5 },
    ]);
    expect(r.outliers).toEqual([]);
  });

  it('flags a provider beyond the threshold as an outlier when three or more answer', () => {
    const r = priceConsensus([answer('a', quote('BTC', 100)), answer('b', quote('BTC', 101)), answer('c', quote('BTC', 150))]);
    expect(r.outliers).toEqual(['c']);
    const spread = r.spreads[0]!;
    expect(spread.providers.map((p) => [p.provider, p.outlier])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
    ]);
    expect(spread.providers[2]!.deviationPct).toBeCloseTo((49 / 101) * 100, 6);
  });

  it('does not flag a deviation within the threshold', () => {
    const r = priceConsensus([answer('a', quote('BTC', 100)), answer('b', quote('BTC', 100 + DEFAULT_DEVIATION_PCT)), answer('c', quote('BTC', 99))]);
    expect(r.outliers).toEqual([]);
  });

  it('flags nobody with only two providers, however far apart', () => {
    const r = priceConsensus([answer('a', quote('BTC', 100)), answer('b', quote('BTC', 300))]);
    expect(r.outliers).toEqual([]);
    expect(r.spreads[0]).toMatchObject({ median: 200, min: 100, max: 300, spreadPct: 100 });
  });

  it('leaves outliers out of the spread and the answered price', () => {
    const r = priceConsensus([answer('a', quote('BTC', 100)), answer('b', quote('BTC', 102)), answer('c', quote('BTC', 101)), answer('d', quote('BTC', 1))]);
    expect(r.outliers).toEqual(['d']);
    expect(r.spreads[0]).toMatchObject({ symbol: 'BTC', median: 101, min: 100, max: 102 });
    expect(r.spreads[0]!.spreadPct).toBeCloseTo((2 / 101) * 100, 9);
    expect(r.quotes[0]!.price).toBe(101);
  });

  it('honours a custom threshold', () => {
    const answers = [answer('a', quote('BTC', 100)), answer('b', quote('BTC', 100)), answer('c', quote('BTC', 105))];
    expect(priceConsensus(answers, 10).outliers).toEqual([]);
    expect(priceConsensus(answers, 1).outliers).toEqual(['c']);
  });

  it('judges each symbol on its own providers', () => {
    const r = priceConsensus([
      answer('a', quote('BTC', 100), quote('ETH', 10)),
      answer('b', quote('BTC', 100), quote('ETH', 10)),
      answer('c', quote('BTC', 100), quote('ETH', 20)),
      answer('d', quote('SOL', 1)),
    ]);
    expect(r.outliers).toEqual(['c']);
    expect(r.spreads.map((s) => [s.symbol, s.providers.filter((p) => p.outlier).map((p) => p.provider)])).toEqual([
      ['BTC', []],
      ['ETH', ['c']],
      ['SOL', []],
    ]);
  });
});
