import { splitPair } from '../model';

/** Exchange pair naming quirks in one place. */

/** `BTC/USDT` -> `BTCUSDT` (Binance, Bybit, MEXC …). */
export const concatPair = (pair: string): string => pair.replace('/', '');

/** `BTC/USDT` -> `BTC-USDT` (Coinbase Exchange, KuCoin, OKX …). */
export const dashPair = (pair: string): string => pair.replace('/', '-');

/** `BTC/USDT` -> `BTC_USDT` (Gate, …). */
export const underscorePair = (pair: string): string => pair.replace('/', '_');

const KRAKEN_ALIASES: Readonly<Record<string, string>> = { BTC: 'XBT', DOGE: 'XDG' };
const KRAKEN_CANONICAL: Readonly<Record<string, string>> = { XBT: 'BTC', XXBT: 'BTC', XDG: 'DOGE', XXDG: 'DOGE', XETH: 'ETH', ZUSD: 'USD', ZEUR: 'EUR' };

/** `BTC/USDT` -> `XBTUSDT`: Kraken's altname, which its public endpoints accept. */
export const krakenPair = (pair: string): string => {
  const [b, q] = splitPair(pair);
  return `${KRAKEN_ALIASES[b] ?? b}${KRAKEN_ALIASES[q] ?? q}`;
};

/** Kraken asset code -> canonical (`XXBT` -> `BTC`). */
export const krakenAsset = (code: string): string => KRAKEN_CANONICAL[code] ?? code;

/**
 * The keys Kraken may use for a pair in `result`: the altname we asked for (`XBTUSDT`) or, for
 * its oldest markets, the legacy X/Z-prefixed name (`XXBTZUSD`, `XETHXXBT`).
 */
export const krakenResultKeys = (pair: string): string[] => {
  const [b, q] = splitPair(pair);
  const base = KRAKEN_ALIASES[b] ?? b;
  const quote = KRAKEN_ALIASES[q] ?? q;
  return [`${base}${quote}`, `X${base}Z${quote}`, `X${base}X${quote}`];
};

/**
 * Kraken's answer for one pair. `result` is keyed by Kraken's own pair name, which may not be the
 * name we sent; when one pair was asked for (`single`), the only entry besides the `last` cursor is it.
 */
export function krakenEntry<T>(result: Readonly<Record<string, T>>, pair: string, single = true): T | undefined {
  for (const key of krakenResultKeys(pair)) if (Object.hasOwn(result, key)) return result[key];
  if (!single) return undefined;
  // One entry under a name we did not predict: take it only if it names the requested pair
  // (base code at the start, quote code at the end, in any of Kraken's spellings).
  const keys = Object.keys(result).filter((k) => k !== 'last');
  const only = keys.length === 1 ? keys[0] : undefined;
  return only !== undefined && namesPair(only, pair) ? result[only] : undefined;
}

const spellings = (asset: string): string[] => {
  const k = KRAKEN_ALIASES[asset] ?? asset;
  return [asset, k, `X${k}`, `Z${k}`];
};

const namesPair = (key: string, pair: string): boolean => {
  const [b, q] = splitPair(pair);
  return spellings(b).some((x) => key.startsWith(x)) && spellings(q).some((x) => key.endsWith(x));
};

/**
 * Quote currency on an exchange that lists stablecoin pairs only (Binance): canonical `USD` is
 * served by the `USDT` pair, which tracks it within a fraction of a percent.
 */
export const usdViaUsdt = (quote: string): string => (quote === 'USD' ? 'USDT' : quote);
