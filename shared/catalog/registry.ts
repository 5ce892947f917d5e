import type { ProviderSpec } from '../engine/adapter';
import { alternativeMe } from './providers/alternative-me';
import { binance } from './providers/binance';
import { coinbase } from './providers/coinbase';
import { coinbaseExchange } from './providers/coinbase-exchange';
import { coincap } from './providers/coincap';
import { coingecko } from './providers/coingecko';
import { coinlore } from './providers/coinlore';
import { coinpaprika } from './providers/coinpaprika';
import { cryptocompare } from './providers/cryptocompare';
import { defillama } from './providers/defillama';
import { defillamaCoins } from './providers/defillama-coins';
import { ethereumDrpc } from './providers/ethereum-drpc';
import { ethereumLlamarpc } from './providers/ethereum-llamarpc';
import { ethereumMerkle } from './providers/ethereum-merkle';
import { ethereumPublicnode } from './providers/ethereum-publicnode';
import { etherscan } from './providers/etherscan';
import { kraken } from './providers/kraken';

/** Every provider id; other tools call these, so they never change. */
export const PROVIDER_IDS = [
  'coingecko',
  'coincap',
  'coinpaprika',
  'coinlore',
  'cryptocompare',
  'defillama-coins',
  'binance',
  'kraken',
  'coinbase',
  'coinbase-exchange',
  'alternative-me',
  'defillama',
  'etherscan',
  'ethereum-publicnode',
  'ethereum-merkle',
  'ethereum-llamarpc',
  'ethereum-drpc',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDERS = {
  coingecko,
  coincap,
  coinpaprika,
  coinlore,
  cryptocompare,
  'defillama-coins': defillamaCoins,
  binance,
  kraken,
  coinbase,
  'coinbase-exchange': coinbaseExchange,
  'alternative-me': alternativeMe,
  defillama,
  etherscan,
  'ethereum-publicnode': ethereumPublicnode,
  'ethereum-merkle': ethereumMerkle,
  'ethereum-llamarpc': ethereumLlamarpc,
  'ethereum-drpc': ethereumDrpc,
} as const satisfies { readonly [K in ProviderId]: ProviderSpec & { readonly id: K } };

export const isProviderId = (s: string): s is ProviderId => Object.hasOwn(PROVIDERS, s);

export const allProviders = (): ProviderSpec[] => PROVIDER_IDS.map((id) => PROVIDERS[id]);
