import { describe, expect, it } from 'vitest';
import { SYMBOL_IDS, SymbolMap } from './symbols';

describe('SymbolMap', () => {
  it('looks the static table up case-insensitively', () => {
    const map = new SymbolMap();
    expect(map.resolve('coingecko', 'btc')).toBe('bitcoin');
    expect(map.resolve('coingecko', 'Eth')).toBe('ethereum');
    expect(map.resolve('coinpaprika', 'BTC')).toBe('btc-bitcoin');
    expect(map.resolve('defillama-coins', 'avax')).toBe('avalanche-2');
  });

  it('answers undefined for an unknown symbol or provider', () => {
    const map = new SymbolMap();
    expect(map.resolve('coingecko', 'NOPE')).toBeUndefined();
    expect(map.resolve('no-such-provider', 'BTC')).toBeUndefined();
  });

  it('fills gaps with learned ids, keyed per provider', () => {
    const map = new SymbolMap();
    map.learn('coingecko', 'wif', 'dogwifcoin');
    expect(map.resolve('coingecko', 'WIF')).toBe('dogwifcoin');
    expect(map.resolve('coinpaprika', 'WIF')).toBeUndefined();
  });

  it('never lets a learned id override the table, nor a later lesson override an earlier one', () => {
    const map = new SymbolMap();
    map.learn('coingecko', 'BTC', 'bitcoin-imposter');
    expect(map.resolve('coingecko', 'BTC')).toBe('bitcoin');
    map.learn('coingecko', 'WIF', 'dogwifcoin');
    map.learn('coingecko', 'WIF', 'other');
    expect(map.resolve('coingecko', 'WIF')).toBe('dogwifcoin');
    expect(map.learned()).toEqual([['coingecko', 'WIF', 'dogwifcoin']]);
  });

  it('reverses ids from the table and from what it learned', () => {
    const map = new SymbolMap();
    expect(map.reverse('coingecko', 'binancecoin')).toBe('BNB');
    expect(map.reverse('coincap', 'binance-coin')).toBe('BNB');
    map.learn('coinpaprika', 'wif', 'wif-dogwifcoin');
    expect(map.reverse('coinpaprika', 'wif-dogwifcoin')).toBe('WIF');
    expect(map.reverse('coingecko', 'no-such-id')).toBeUndefined();
  });

  it('round-trips learned() into a new SymbolMap', () => {
    const first = new SymbolMap();
    first.learn('coingecko', 'wif', 'dogwifcoin');
    first.learn('coincap', 'TAO', 'bittensor');
    const second = new SymbolMap(first.learned());
    expect(second.resolve('coingecko', 'WIF')).toBe('dogwifcoin');
    expect(second.resolve('coincap', 'tao')).toBe('bittensor');
    expect(second.learned()).toEqual(first.learned());
  });

  it('gives a resolver bound to one provider', () => {
    const resolve = new SymbolMap().forProvider('coincap');
    expect(resolve('doge')).toBe('dogecoin');
  });

  it('keeps every table symbol canonical and every id non-empty', () => {
    for (const table of Object.values(SYMBOL_IDS)) {
      for (const [symbol, id] of Object.entries(table)) {
        expect(symbol).toMatch(/^[A-Z0-9]{1,20}$/);
        expect(id.length).toBeGreaterThan(0);
      }
    }
  });

  it('maps the recorded CoinGecko top 100 (less the reassigned LUNA/UST tickers)', () => {
    expect(Object.keys(SYMBOL_IDS.coingecko).length).toBeGreaterThanOrEqual(98);
    expect(SYMBOL_IDS.coingecko).not.toHaveProperty('LUNA');
  });
});
