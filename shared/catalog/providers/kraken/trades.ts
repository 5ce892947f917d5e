import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { krakenEntry, krakenPair } from '../../pairs';
import { envelope } from './envelope';

// [price, volume, time s (float), 'b'|'s', 'm'|'l', misc, trade_id] — trade_id only since 2023.
const Row = z.tuple([z.string(), z.string(), z.number(), z.enum(['b', 's']), z.string(), z.string()], z.unknown());

export const trades = defineCapability('trades', {
  request: ({ pair, limit }) => ({ path: '/Trades', query: { pair: krakenPair(pair), count: limit } }),
  response: envelope(z.array(Row)),
  // Oldest first upstream; canonical trades are newest first.
  transform: ({ result }, { pair, limit }) => {
    const rows = krakenEntry(result, pair);
    if (!Array.isArray(rows)) return unsupported(`Kraken has no trades for ${pair}`);
    return rows
      .slice(-limit)
      .reverse()
      .map((row) => {
        const [p, amount, time, side] = row;
        const tradeId = row[6];
        return {
          id: typeof tradeId === 'number' ? String(tradeId) : `${time}`,
          t: Math.floor(time * 1000),
          price: Number(p),
          amount: Number(amount),
          side: side === 'b' ? ('buy' as const) : ('sell' as const),
        };
      });
  },
});
