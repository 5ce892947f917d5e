import { describe, expect, it } from 'vitest';
import { AlertEvaluator } from './evaluator';
import { NewRule, type NewRuleInput, type Rule } from './rules';

const MIN = 60_000;
const rule = (id: string, input: NewRuleInput): Rule => ({ ...NewRule.parse(input), id, createdAt: 0 });
const btc = (price: number) => [{ symbol: 'BTC', vs: 'USD', price }];

/** A fake clock: every observation passes its own time. */
function run(ev: AlertEvaluator, prices: number[], stepMs = 15_000, start = 0) {
  return prices.flatMap((p, i) => ev.observePrices(btc(p), 'sim', start + i * stepMs));
}

describe('AlertEvaluator', () => {
  it('fires a price-above rule once per crossing, not on every price above', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('a', { kind: 'price-above', symbol: 'btc', threshold: 100, debounceMinutes: 0 })]);
    const fired = run(ev, [90, 95, 101, 105, 110, 103]);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ ruleId: 'a', kind: 'price-above', value: 101, threshold: 100, source: 'sim', ts: 30_000 });
    expect(fired[0]?.message).toContain('BTC rose above 100 USD');
  });

  it('does not re-fire on jitter around the threshold (hysteresis), and re-arms after a real retreat', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('a', { kind: 'price-above', symbol: 'BTC', threshold: 100, hysteresisPct: 1, debounceMinutes: 0 })]);
    // 99.5 is under the line but inside the 1 % band: no re-arm, so 100.2 does not fire again.
    expect(run(ev, [101, 99.5, 100.2, 99.8, 100.1])).toHaveLength(1);
    // 98 leaves the band: the next crossing fires.
    expect(ev.observePrices(btc(98), 'sim', 200_000)).toEqual([]);
    expect(ev.observePrices(btc(100.5), 'sim', 215_000)).toHaveLength(1);
  });

  it('does not fire again after a restart for a crossing it already reported, and fires the next one', () => {
    const rules = [rule('a', { kind: 'price-above', symbol: 'BTC', threshold: 100, debounceMinutes: 0 }), rule('d', { kind: 'provider-down', providerId: 'kraken', forMinutes: 0 })];
    const before = new AlertEvaluator();
    before.setRules(rules);
    expect(run(before, [90, 101])).toHaveLength(1);
    // The restarted process knows only when each rule last fired (the stored alerts).
    const after = new AlertEvaluator();
    after.setRules(rules);
    after.resume(new Map([['a', 15_000], ['d', 0]]));
    expect(run(after, [105, 110], 15_000, 60_000)).toEqual([]);
    expect(run(after, [90, 102], 15_000, 120_000)).toHaveLength(1);
    // A provider-down rule stays armed (a healthy provider sends no transition that would re-arm it), past its 5 min debounce.
    expect(after.observeBreaker('kraken', 'open', 6 * MIN)).toHaveLength(1);
    // Without resume, the same restart fires the crossing again.
    const forgetful = new AlertEvaluator();
    forgetful.setRules(rules);
    expect(run(forgetful, [105], 15_000, 60_000)).toHaveLength(1);
  });

  it('fires price-below on the way down', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('b', { kind: 'price-below', symbol: 'BTC', threshold: 50, debounceMinutes: 0 })]);
    const fired = run(ev, [60, 55, 49, 48, 52, 49]);
    expect(fired.map((a) => a.value)).toEqual([49, 49]);
  });

  it('debounces: a second crossing within debounceMinutes waits, then fires if it still holds', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('a', { kind: 'price-above', symbol: 'BTC', threshold: 100, debounceMinutes: 5 })]);
    expect(ev.observePrices(btc(101), 'sim', 0)).toHaveLength(1);
    expect(ev.observePrices(btc(90), 'sim', 1 * MIN)).toEqual([]);
    expect(ev.observePrices(btc(102), 'sim', 2 * MIN)).toEqual([]);
    expect(ev.observePrices(btc(103), 'sim', 4 * MIN)).toEqual([]);
    const late = ev.observePrices(btc(104), 'sim', 5 * MIN);
    expect(late).toHaveLength(1);
    expect(late[0]?.ts).toBe(5 * MIN);
    expect(ev.observePrices(btc(105), 'sim', 11 * MIN)).toEqual([]);
  });

  it('fires a percent move measured over its window only', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('m', { kind: 'percent-move', symbol: 'BTC', pct: 5, windowMinutes: 10, direction: 'up', debounceMinutes: 0 })]);
    // +4 % over the window: nothing. Then 6 % above the price 10 minutes ago.
    expect(ev.observePrices(btc(100), 'sim', 0)).toEqual([]);
    expect(ev.observePrices(btc(104), 'sim', 5 * MIN)).toEqual([]);
    const fired = ev.observePrices(btc(106), 'sim', 10 * MIN);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ kind: 'percent-move', value: 6, threshold: 5 });
    // A slow rise spread over longer than the window never fires: the window forgets the start.
    const slow = new AlertEvaluator();
    slow.setRules([rule('m', { kind: 'percent-move', symbol: 'BTC', pct: 5, windowMinutes: 10, direction: 'either', debounceMinutes: 0 })]);
    const prices = Array.from({ length: 30 }, (_, i) => 100 * 1.003 ** i);
    expect(run(slow, prices, 2 * MIN)).toEqual([]);
  });

  it('percent move down ignores rises, and re-arms once the move falls under half', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('m', { kind: 'percent-move', symbol: 'BTC', pct: 10, windowMinutes: 5, direction: 'down', debounceMinutes: 0 })]);
    expect(run(ev, [100, 120, 130])).toEqual([]);
    const ev2 = new AlertEvaluator();
    ev2.setRules([rule('m', { kind: 'percent-move', symbol: 'BTC', pct: 10, windowMinutes: 5, direction: 'down', debounceMinutes: 0 })]);
    const fired = run(ev2, [100, 89, 88, 87], MIN);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.value).toBe(-11);
  });

  it('provider-down fires after forMinutes of an open breaker, once, and re-arms when it closes', () => {
    const ev = new AlertEvaluator();
    ev.setRules([rule('d', { kind: 'provider-down', providerId: 'coingecko', forMinutes: 2, debounceMinutes: 0 })]);
    expect(ev.observeBreaker('coingecko', 'open', 0)).toEqual([]);
    expect(ev.tick(1 * MIN)).toEqual([]);
    expect(ev.observeBreaker('coingecko', 'half_open', 90_000)).toEqual([]);
    const fired = ev.tick(2 * MIN);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ kind: 'provider-down', source: 'coingecko', value: 2, threshold: 2 });
    expect(ev.tick(10 * MIN)).toEqual([]);
    ev.observeBreaker('coingecko', 'closed', 11 * MIN);
    expect(ev.observeBreaker('coingecko', 'forced_open', 12 * MIN)).toEqual([]);
    expect(ev.tick(14 * MIN)).toHaveLength(1);
    expect(ev.observeBreaker('kraken', 'open', 15 * MIN)).toEqual([]);
  });

  it('keeps a rule state across setRules and forgets deleted rules', () => {
    const ev = new AlertEvaluator();
    const a = rule('a', { kind: 'price-above', symbol: 'BTC', threshold: 100, debounceMinutes: 0 });
    ev.setRules([a]);
    expect(run(ev, [101])).toHaveLength(1);
    ev.setRules([a]);
    expect(ev.observePrices(btc(102), 'sim', MIN)).toEqual([]);
    ev.setRules([]);
    ev.setRules([a]);
    expect(ev.observePrices(btc(103), 'sim', 2 * MIN)).toHaveLength(1);
  });
});

describe('NewRule', () => {
  it('refuses unknown kinds, unknown fields and bad numbers with clear messages', () => {
    const bad = (input: unknown) => {
      const r = NewRule.safeParse(input);
      return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(bad({ kind: 'price-sideways', symbol: 'BTC' })).toContain('kind is one of price-above');
    expect(bad({ kind: 'price-above', symbol: 'BTC', treshold: 5 })).toMatch(/treshold|threshold/);
    expect(bad({ kind: 'price-above', symbol: 'BTC', threshold: -1 })).toContain('threshold must be above 0');
    expect(bad({ kind: 'percent-move', symbol: 'BTC', pct: 5, windowMinutes: 0 })).toContain('windowMinutes is at least 1');
    expect(bad({ kind: 'percent-move', symbol: 'BTC', pct: 5, windowMinutes: 5, direction: 'sideways' })).toContain("direction is 'up'");
    expect(bad({ kind: 'provider-down', providerId: 'Not An Id' })).toContain('provider id');
    expect(NewRule.parse({ kind: 'price-below', symbol: 'eth', threshold: 2 })).toEqual({ kind: 'price-below', symbol: 'ETH', vs: 'USD', threshold: 2, hysteresisPct: 0.5, debounceMinutes: 5 });
  });
});
