import { splitPair } from '../model';

/** Pair naming for batch B exchanges (pairs.ts holds the common dash/underscore/concat forms). */

/** `BTC/USDT` -> `btcusdt` (Bitstamp, Gemini, HTX). */
export const lowerConcatPair = (pair: string): string => pair.replace('/', '').toLowerCase();

/** Bitfinex's own tickers for a few currencies (`USDT` trades as `UST`). */
const BITFINEX_ALIASES: Readonly<Record<string, string>> = { USDT: 'UST', USDC: 'UDC', DASH: 'DSH', QTUM: 'QTM', IOTA: 'IOT' };

/**
 * `BTC/USDT` -> `tBTCUST`. Bitfinex writes `t` + base + quote, with a colon between them when either
 * side is longer than three letters (`tDOGE:USD`, `tTESTBTC:TESTUSD`).
 */
export const bitfinexPair = (pair: string): string => {
  const [b, q] = splitPair(pair);
  const base = BITFINEX_ALIASES[b] ?? b;
  const quote = BITFINEX_ALIASES[q] ?? q;
  return base.length > 3 || quote.length > 3 ? `t${base}:${quote}` : `t${base}${quote}`;
};

/** Newest first: canonical trades are ordered by time, latest trade first. */
export const newestFirst = <T extends { readonly t: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => b.t - a.t);

/** Ascending by open time: canonical candles. */
export const oldestFirst = <T extends { readonly t: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => a.t - b.t);

/** `[price, amount]` strings or numbers -> canonical level. */
export const level = ([p, a]: readonly [string | number, string | number, ...unknown[]]): [number, number] => [Number(p), Number(a)];

/** A decimal that exchanges send as a string in one API version and a number in another. */
export const decimal = (v: string | number): number => (typeof v === 'number' ? v : Number(v));
