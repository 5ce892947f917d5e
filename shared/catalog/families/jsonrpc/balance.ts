import { defineCapability } from '../../define';
import { formatUnits } from '../../units';
import { call, envelope, Quantity } from './rpc';
import type { NodeChain } from './config';

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export const balance = (node: NodeChain) =>
  defineCapability('balance', {
    request: ({ chain, address }) => {
      if (chain !== node.chain) return `this node serves ${node.chain}, not ${chain}`;
      if (!EVM_ADDRESS.test(address)) return `not an EVM address: ${address}`;
      return call('eth_getBalance', [address, 'latest']);
    },
    // Wei as a hex quantity.
    response: envelope(Quantity),
    transform: ({ result }, { chain, address }, ctx) => ({ chain, address, amount: formatUnits(result, node.decimals), ts: ctx.now }),
  });
