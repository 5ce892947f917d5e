import { describe, expect, it } from 'vitest';
import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { hfDatasets } from './index';
import { timeOf } from './ohlcv';

conformance(hfDatasets, fixtures);

const ctx = { now: 0, symbolId: () => undefined };
const params = { symbol: 'BTC', vs: 'USD', interval: '1h' as const, limit: 2 };

describe('hf-datasets ohlcv', () => {
  it('asks the rows API for the coin dataset, a full page', () => {
    expect(hfDatasets.capabilities.ohlcv?.request(params, ctx)).toEqual({
      path: '/rows',
      query: { dataset: 'WinkingFace/CryptoLM-Bitcoin-BTC-USDT', config: 'default', split: 'train', offset: 0, length: 100 },
    });
  });

  it('refuses what no dataset holds', () => {
    expect(hfDatasets.capabilities.ohlcv?.request({ ...params, interval: '4h' }, ctx)).toMatch(/no dataset holds BTC 4h/);
    expect(hfDatasets.capabilities.ohlcv?.request({ ...params, symbol: 'DOGE' }, ctx)).toMatch(/no dataset/);
    expect(hfDatasets.capabilities.ohlcv?.request({ ...params, vs: 'EUR' }, ctx)).toMatch(/USDT/);
  });

  // Built by this test from the documented shape, not a recording.
  it('maps rows to ascending candles, the last `limit` of them, skipping unreadable rows', () => {
    const body = {
      features: [],
      rows: [
        { row_idx: 0, row: { timestamp: '2024-01-01 02:00:00', open: 3, high: 4, low: 2, close: 3.5, volume: 10 }, truncated_cells: [] },
        { row_idx: 1, row: { timestamp: '2024-01-01 00:00:00', open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }, truncated_cells: [] },
        { row_idx: 2, row: { timestamp: '2024-01-01 01:00:00', Open: '2', High: '3', Low: '1', Close: '2.5', Volume: '7' }, truncated_cells: [] },
        { row_idx: 3, row: { timestamp: 'not a date', open: 1, high: 1, low: 1, close: 1, volume: 1 }, truncated_cells: [] },
      ],
      num_rows_total: 4,
    };
    const r = hfDatasets.capabilities.ohlcv?.decode(body, params, ctx);
    expect(r).toEqual({ ok: true, value: [
      { t: Date.UTC(2024, 0, 1, 1), o: 2, h: 3, l: 1, c: 2.5, v: 7 },
      { t: Date.UTC(2024, 0, 1, 2), o: 3, h: 4, l: 2, c: 3.5, v: 10 },
    ] });
  });

  it('reads times as seconds, milliseconds or dates', () => {
    expect(timeOf(1_700_000_000)).toBe(1_700_000_000_000);
    expect(timeOf(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(timeOf('1700000000000')).toBe(1_700_000_000_000);
    expect(timeOf('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(Number.isNaN(timeOf(null))).toBe(true);
  });
});
