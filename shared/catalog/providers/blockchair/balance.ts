import { z } from 'zod';
import { defineCapability, unsupported } from '../../define';
import { formatUnits } from '../../units';
import { chainFor } from './chains';

// data is keyed by the address; balance is a wei STRING on ethereum and a satoshi NUMBER on bitcoin.
const Dashboard = z.object({
  data: z.record(z.string(), z.object({ address: z.object({ balance: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]) }) })),
});

export const balance = defineCapability('balance', {
  request: ({ chain, address }) => {
    const c = chainFor(chain, address);
    return typeof c === 'string' ? c : { path: `/${c.path}/dashboards/address/${address}` };
  },
  response: Dashboard,
  transform: ({ data }, { chain, address }, ctx) => {
    const c = chainFor(chain);
    const entry = data[address] ?? data[address.toLowerCase()] ?? Object.values(data)[0];
    if (typeof c === 'string' || !entry) return unsupported(`no dashboard for ${address}`);
    const raw = entry.address.balance;
    return { chain, address, amount: formatUnits(typeof raw === 'number' ? BigInt(raw) : raw, c.decimals), ts: ctx.now };
  },
});
