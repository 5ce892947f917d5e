import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { bitfinexPair } from '../../pairs-exchanges';

// [BID, BID_SIZE, ASK, ASK_SIZE, DAILY_CHANGE, DAILY_CHANGE_RELATIVE, LAST_PRICE, VOLUME, HIGH, LOW]
const Row = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: `/ticker/${bitfinexPair(pair)}` }),
  // A positional array; an unlisted pair answers `[]`. The body carries no time.
  response: z.union([Row, z.tuple([])]),
  transform: (row, { pair }, ctx) => {
    if (row.length === 0) return unsupported(`Bitfinex has no ticker for ${pair}`);
    const [bid, , ask, , , changeRel, last, volume, high, low] = row;
    return { pair, last, bid, ask, high24h: high, low24h: low, baseVolume24h: volume, change24hPct: changeRel * 100, ts: ctx.now };
  },
});
