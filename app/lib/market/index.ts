export { WATCHED_SYMBOLS, fetchPrices, formatAge, formatChange, formatPrice, priceAnswerSchema, pricesUrl, quoteSchema } from './market';
export type { Prices, PricesResult, Quote } from './market';
