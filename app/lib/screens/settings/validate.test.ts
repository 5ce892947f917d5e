import { describe, expect, it } from 'vitest';
import { checkKey, maskToken, parseBaseUrl, parseVs, parseWatchlist } from './validate';

describe('parseWatchlist', () => {
  it('reads comma or space separated symbols, upper-cased, without repeats', () => {
    expect(parseWatchlist(' btc, eth ,SOL  eth')).toEqual({ ok: true, value: ['BTC', 'ETH', 'SOL'] });
  });

  it('refuses empty lists, bad symbols (naming them) and more than 50', () => {
    expect(parseWatchlist(' , ')).toEqual({ ok: false, error: 'settings.err.noSymbols' });
    expect(parseWatchlist('BTC, ETH-USD')).toEqual({ ok: false, error: 'settings.err.symbol', detail: 'ETH-USD' });
    expect(parseWatchlist('ABCDEFGHIJK')).toEqual({ ok: false, error: 'settings.err.symbol', detail: 'ABCDEFGHIJK' });
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`).join(',');
    expect(parseWatchlist(many)).toEqual({ ok: false, error: 'settings.err.tooMany' });
    expect(parseWatchlist(Array.from({ length: 50 }, (_, i) => `C${i}`).join(',')).ok).toBe(true);
  });
});

describe('parseVs and parseBaseUrl', () => {
  it('accepts currency codes, upper-cased', () => {
    expect(parseVs(' eur ')).toEqual({ ok: true, value: 'EUR' });
    expect(parseVs('U$D').ok).toBe(false);
    expect(parseVs('').ok).toBe(false);
  });

  it('accepts empty or http(s) URLs without credentials, dropping trailing slashes', () => {
    expect(parseBaseUrl('  ')).toEqual({ ok: true, value: '' });
    expect(parseBaseUrl('https://proxy.example.com/')).toEqual({ ok: true, value: 'https://proxy.example.com' });
    expect(parseBaseUrl('http://127.0.0.1:8787')).toEqual({ ok: true, value: 'http://127.0.0.1:8787' });
    expect(parseBaseUrl('ftp://x.example.com')).toEqual({ ok: false, error: 'settings.err.url' });
    expect(parseBaseUrl('proxy.example.com')).toEqual({ ok: false, error: 'settings.err.url' });
    expect(parseBaseUrl('https://me:secret@proxy.example.com')).toEqual({ ok: false, error: 'settings.err.urlCredentials' });
  });
});

describe('checkKey and maskToken', () => {
  it('key names look like environment variables; values are required', () => {
    expect(checkKey('ETHERSCAN_KEY', ' abc ')).toEqual({ ok: true, value: { name: 'ETHERSCAN_KEY', value: 'abc' } });
    expect(checkKey('etherscan_key', 'abc')).toEqual({ ok: false, error: 'settings.err.keyName' });
    expect(checkKey('1KEY', 'abc')).toEqual({ ok: false, error: 'settings.err.keyName' });
    expect(checkKey('K', 'abc')).toEqual({ ok: false, error: 'settings.err.keyName' });
    expect(checkKey('ETHERSCAN_KEY', '   ')).toEqual({ ok: false, error: 'settings.err.keyValue' });
  });

  it('never shows a token in full', () => {
    expect(maskToken('')).toBe('');
    expect(maskToken('short-token')).toBe('••••');
    const long = 'abcdefghijklmnopqrstuvwxyz0123456789';
    expect(maskToken(long)).toBe('••••6789');
    expect(maskToken(long)).not.toContain('abcdef');
  });
});
