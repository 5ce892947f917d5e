import { defineCapability } from '../../define';
import { quantityToNumber } from '../../units';
import { call, envelope, Quantity } from './rpc';
import type { NodeChain } from './config';

export const blockHeight = (node: NodeChain) =>
  defineCapability('block-height', {
    request: ({ chain }) => (chain === node.chain ? call('eth_blockNumber', []) : `this node serves ${node.chain}, not ${chain}`),
    response: envelope(Quantity),
    transform: ({ result }, { chain }, ctx) => ({ chain, height: quantityToNumber(result), ts: ctx.now }),
  });
