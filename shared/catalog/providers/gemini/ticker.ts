import { z } from 'zod';
import { defineCapability } from '../../define';
import { splitPair } from '../../../model';
import { lowerConcatPair } from '../../pairs-exchanges';
import { positive } from '../../units';

const numeric = z.union([z.string(), z.number()]);

export const ticker = defineCapability('ticker', {
  request: ({ pair }) => ({ path: `/v1/pubticker/${lowerConcatPair(pair)}` }),
  // `volume` is keyed by the two currency codes, beside the time of the 24 h window's end (ms).
  response: z.object({
    bid: z.string(),
    ask: z.string(),
    last: z.string(),
    volume: z.object({ timestamp: numeric }).catchall(numeric),
  }),
  transform: (t, { pair }) => {
    const [base, quote] = splitPair(pair);
    const vol = (code: string) => (t.volume[code] === undefined ? undefined : Number(t.volume[code]));
    return {
      pair,
      last: Number(t.last),
      bid: positive(t.bid),
      ask: positive(t.ask),
      baseVolume24h: vol(base),
      quoteVolume24h: vol(quote),
      ts: Number(t.volume.timestamp),
    };
  },
});
