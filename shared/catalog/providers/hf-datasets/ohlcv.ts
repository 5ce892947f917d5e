import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { DATASET_QUOTES, datasetFor } from './datasets';

/** The rows API's largest page. */
export const PAGE = 100;

// https://huggingface.co/docs/dataset-viewer/rows: { features, rows: [{ row_idx, row, truncated_cells }], num_rows_total, … }
const Rows = z.object({
  rows: z.array(z.object({ row_idx: z.number().int(), row: z.record(z.string(), z.unknown()) })),
  num_rows_total: z.number().int().optional(),
});

/** A row's cell by any of its usual column names, case-insensitive (`open`, `Open`). */
function cell(row: Record<string, unknown>, names: readonly string[]): unknown {
  for (const [k, v] of Object.entries(row)) if (names.includes(k.toLowerCase())) return v;
  return undefined;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN);

/** Epoch ms from a number (seconds or ms) or a date string (`2024-01-01 00:00:00`, read as UTC). */
export function timeOf(v: unknown): number {
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  if (typeof v !== 'string') return Number.NaN;
  if (/^\d+$/.test(v)) return timeOf(Number(v));
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`;
  return Date.parse(iso);
}

export const ohlcv = defineCapability('ohlcv', {
  request: ({ symbol, vs, interval }) => {
    const d = datasetFor(symbol, interval);
    if (!d) return `no dataset holds ${symbol} ${interval} candles`;
    if (!DATASET_QUOTES.has(vs)) return `the datasets quote in USDT, not ${vs}`;
    // Always a full page: one cached answer serves every smaller limit.
    return { path: '/rows', query: { dataset: d.dataset, config: d.config, split: d.split, offset: 0, length: PAGE } };
  },
  response: Rows,
  transform: ({ rows }, { limit }) => {
    const candles = rows
      .map(({ row }) => ({
        t: timeOf(cell(row, ['timestamp', 'open time', 'open_time', 'date', 'time'])),
        o: num(cell(row, ['open'])),
        h: num(cell(row, ['high'])),
        l: num(cell(row, ['low'])),
        c: num(cell(row, ['close'])),
        v: num(cell(row, ['volume', 'volume_btc', 'volume_eth', 'volume_sol', 'volume_xrp'])),
      }))
      .filter((k) => [k.t, k.o, k.h, k.l, k.c, k.v].every(Number.isFinite))
      .sort((a, b) => a.t - b.t);
    if (candles.length === 0) unsupported('the dataset rows hold no readable candles');
    return candles.slice(-limit);
  },
});
