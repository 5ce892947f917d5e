import { z } from 'zod';
import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { refuseTron, TRX_DECIMALS } from '../../tron';

const Sun = z.number().int().nonnegative();
// Addresses inside raw_data are hex (41…). TransferContract carries amount/to_address;
// TriggerSmartContract carries contract_address and an optional call_value.
const Value = z.object({
  owner_address: z.string().optional(),
  to_address: z.string().optional(),
  contract_address: z.string().optional(),
  amount: Sun.optional(),
  call_value: Sun.optional(),
});
const Tx = z.object({
  txID: z.string(),
  block_timestamp: z.number().int().nonnegative(),
  ret: z.array(z.object({ contractRet: z.string().optional(), fee: Sun.optional() })).optional(),
  raw_data: z.object({ contract: z.array(z.object({ type: z.string(), parameter: z.object({ value: Value }) })) }),
});

export const transactions = defineCapability('transactions', {
  request: ({ chain, address, limit }) =>
    refuseTron(chain, address) ?? { path: `/v1/accounts/${address}/transactions`, query: { limit: Math.min(limit, 200), only_confirmed: true } },
  response: z.object({ success: z.literal(true), data: z.array(Tx) }),
  transform: ({ data }, { limit }) =>
    data.slice(0, limit).map((tx) => {
      const v = tx.raw_data.contract[0]?.parameter.value;
      const ret = tx.ret?.[0];
      return {
        hash: tx.txID,
        t: tx.block_timestamp,
        from: v?.owner_address ?? '',
        to: v?.to_address ?? v?.contract_address ?? '',
        value: formatUnits(BigInt(v?.amount ?? v?.call_value ?? 0), TRX_DECIMALS),
        fee: ret?.fee === undefined ? undefined : formatUnits(BigInt(ret.fee), TRX_DECIMALS),
        status: ret?.contractRet === undefined || ret.contractRet === 'SUCCESS' ? ('ok' as const) : ('failed' as const),
      };
    }),
});
