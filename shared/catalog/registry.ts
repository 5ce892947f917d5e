import type { ProviderSpec } from '../engine/adapter';
import { alternativeMe } from './providers/alternative-me';
import { ambcrypto } from './providers/ambcrypto';
import { apiNinjas } from './providers/api-ninjas';
import { arbiscan } from './providers/arbiscan';
import { arbitrumDrpc } from './providers/arbitrum-drpc';
import { arbitrumOfficial } from './providers/arbitrum-official';
import { arbitrumPublicnode } from './providers/arbitrum-publicnode';
import { arkham } from './providers/arkham';
import { baseDrpc } from './providers/base-drpc';
import { baseOfficial } from './providers/base-official';
import { basePublicnode } from './providers/base-publicnode';
import { basescan } from './providers/basescan';
import { beincrypto } from './providers/beincrypto';
import { binance } from './providers/binance';
import { birdeye } from './providers/birdeye';
import { bitcoinist } from './providers/bitcoinist';
import { bitcoinmagazine } from './providers/bitcoinmagazine';
import { bitfinex } from './providers/bitfinex';
import { bitget } from './providers/bitget';
import { bitmart } from './providers/bitmart';
import { bitstamp } from './providers/bitstamp';
import { blockchainInfo } from './providers/blockchain-info';
import { blockchair } from './providers/blockchair';
import { blockcypher } from './providers/blockcypher';
import { blockscoutArbitrum } from './providers/blockscout-arbitrum';
import { blockscoutBase } from './providers/blockscout-base';
import { blockscoutEth } from './providers/blockscout-eth';
import { blockscoutOptimism } from './providers/blockscout-optimism';
import { blockscoutPolygon } from './providers/blockscout-polygon';
import { blockworks } from './providers/blockworks';
import { bscDataseed } from './providers/bsc-dataseed';
import { bscDrpc } from './providers/bsc-drpc';
import { bscPublicnode } from './providers/bsc-publicnode';
import { bscscan } from './providers/bscscan';
import { bybit } from './providers/bybit';
import { coinbase } from './providers/coinbase';
import { coinbaseExchange } from './providers/coinbase-exchange';
import { coincap } from './providers/coincap';
import { coindesk } from './providers/coindesk';
import { coindeskData } from './providers/coindesk-data';
import { coingape } from './providers/coingape';
import { coingecko } from './providers/coingecko';
import { coingeckoNft } from './providers/coingecko-nft';
import { coinlore } from './providers/coinlore';
import { coinmarketcap } from './providers/coinmarketcap';
import { coinpaprika } from './providers/coinpaprika';
import { coinranking } from './providers/coinranking';
import { coinstats } from './providers/coinstats';
import { coinstatsInsights } from './providers/coinstats-insights';
import { cointelegraph } from './providers/cointelegraph';
import { cryptoCom } from './providers/crypto-com';
import { cryptoNews } from './providers/crypto-news';
import { cryptobriefing } from './providers/cryptobriefing';
import { cryptocompare } from './providers/cryptocompare';
import { cryptocompareNews } from './providers/cryptocompare-news';
import { cryptocompareToplist } from './providers/cryptocompare-toplist';
import { cryptopanic } from './providers/cryptopanic';
import { cryptopotato } from './providers/cryptopotato';
import { cryptoslate } from './providers/cryptoslate';
import { dailyhodl } from './providers/dailyhodl';
import { decrypt } from './providers/decrypt';
import { defillama } from './providers/defillama';
import { defillamaCoins } from './providers/defillama-coins';
import { ethereum1rpc } from './providers/ethereum-1rpc';
import { ethereumDrpc } from './providers/ethereum-drpc';
import { ethereumLlamarpc } from './providers/ethereum-llamarpc';
import { ethereumMerkle } from './providers/ethereum-merkle';
import { ethereumPublicnode } from './providers/ethereum-publicnode';
import { etherscan } from './providers/etherscan';
import { ethplorer } from './providers/ethplorer';
import { gate } from './providers/gate';
import { geckoterminal } from './providers/geckoterminal';
import { gemini } from './providers/gemini';
import { hackernews } from './providers/hackernews';
import { hfCardiffnlpTwitterRoberta } from './providers/hf-cardiffnlp-twitter-roberta';
import { hfDistilbertSst2 } from './providers/hf-distilbert-sst2';
import { hfFinbert } from './providers/hf-finbert';
import { hfDatasets } from './providers/hf-datasets';
import { htx } from './providers/htx';
import { huggingface } from './providers/huggingface';
import { kraken } from './providers/kraken';
import { kucoin } from './providers/kucoin';
import { lemmyWorld } from './providers/lemmy-world';
import { livecoinwatch } from './providers/livecoinwatch';
import { magicEden } from './providers/magic-eden';
import { mastodonSocial } from './providers/mastodon-social';
import { mempool } from './providers/mempool';
import { mexc } from './providers/mexc';
import { mobula } from './providers/mobula';
import { moralis } from './providers/moralis';
import { newsapi } from './providers/newsapi';
import { newsbtc } from './providers/newsbtc';
import { nftscan } from './providers/nftscan';
import { okx } from './providers/okx';
import { opensea } from './providers/opensea';
import { optimismDrpc } from './providers/optimism-drpc';
import { optimismEtherscan } from './providers/optimism-etherscan';
import { optimismOfficial } from './providers/optimism-official';
import { optimismPublicnode } from './providers/optimism-publicnode';
import { polygon1rpc } from './providers/polygon-1rpc';
import { polygonDrpc } from './providers/polygon-drpc';
import { polygonPublicnode } from './providers/polygon-publicnode';
import { polygonscan } from './providers/polygonscan';
import { reddit } from './providers/reddit';
import { theDefiant } from './providers/the-defiant';
import { theblock } from './providers/theblock';
import { trongrid } from './providers/trongrid';
import { tronscan } from './providers/tronscan';
import { uToday } from './providers/u-today';
import { whaleAlert } from './providers/whale-alert';

/** Every provider id; other tools call these, so they never change. */
export const PROVIDER_IDS = [
  'alternative-me',
  'ambcrypto',
  'api-ninjas',
  'arbiscan',
  'arbitrum-drpc',
  'arbitrum-official',
  'arbitrum-publicnode',
  'arkham',
  'base-drpc',
  'base-official',
  'base-publicnode',
  'basescan',
  'beincrypto',
  'binance',
  'birdeye',
  'bitcoinist',
  'bitcoinmagazine',
  'bitfinex',
  'bitget',
  'bitmart',
  'bitstamp',
  'blockchain-info',
  'blockchair',
  'blockcypher',
  'blockscout-arbitrum',
  'blockscout-base',
  'blockscout-eth',
  'blockscout-optimism',
  'blockscout-polygon',
  'blockworks',
  'bsc-dataseed',
  'bsc-drpc',
  'bsc-publicnode',
  'bscscan',
  'bybit',
  'coinbase',
  'coinbase-exchange',
  'coincap',
  'coindesk',
  'coindesk-data',
  'coingape',
  'coingecko',
  'coingecko-nft',
  'coinlore',
  'coinmarketcap',
  'coinpaprika',
  'coinranking',
  'coinstats',
  'coinstats-insights',
  'cointelegraph',
  'crypto-com',
  'crypto-news',
  'cryptobriefing',
  'cryptocompare',
  'cryptocompare-news',
  'cryptocompare-toplist',
  'cryptopanic',
  'cryptopotato',
  'cryptoslate',
  'dailyhodl',
  'decrypt',
  'defillama',
  'defillama-coins',
  'ethereum-1rpc',
  'ethereum-drpc',
  'ethereum-llamarpc',
  'ethereum-merkle',
  'ethereum-publicnode',
  'etherscan',
  'ethplorer',
  'gate',
  'geckoterminal',
  'gemini',
  'hackernews',
  'hf-cardiffnlp-twitter-roberta',
  'hf-distilbert-sst2',
  'hf-finbert',
  'hf-datasets',
  'htx',
  'huggingface',
  'kraken',
  'kucoin',
  'lemmy-world',
  'livecoinwatch',
  'magic-eden',
  'mastodon-social',
  'mempool',
  'mexc',
  'mobula',
  'moralis',
  'newsapi',
  'newsbtc',
  'nftscan',
  'okx',
  'opensea',
  'optimism-drpc',
  'optimism-etherscan',
  'optimism-official',
  'optimism-publicnode',
  'polygon-1rpc',
  'polygon-drpc',
  'polygon-publicnode',
  'polygonscan',
  'reddit',
  'the-defiant',
  'theblock',
  'trongrid',
  'tronscan',
  'u-today',
  'whale-alert',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDERS = {
  'alternative-me': alternativeMe,
  ambcrypto,
  'api-ninjas': apiNinjas,
  arbiscan,
  'arbitrum-drpc': arbitrumDrpc,
  'arbitrum-official': arbitrumOfficial,
  'arbitrum-publicnode': arbitrumPublicnode,
  arkham,
  'base-drpc': baseDrpc,
  'base-official': baseOfficial,
  'base-publicnode': basePublicnode,
  basescan,
  beincrypto,
  binance,
  birdeye,
  bitcoinist,
  bitcoinmagazine,
  bitfinex,
  bitget,
  bitmart,
  bitstamp,
  'blockchain-info': blockchainInfo,
  blockchair,
  blockcypher,
  'blockscout-arbitrum': blockscoutArbitrum,
  'blockscout-base': blockscoutBase,
  'blockscout-eth': blockscoutEth,
  'blockscout-optimism': blockscoutOptimism,
  'blockscout-polygon': blockscoutPolygon,
  blockworks,
  'bsc-dataseed': bscDataseed,
  'bsc-drpc': bscDrpc,
  'bsc-publicnode': bscPublicnode,
  bscscan,
  bybit,
  coinbase,
  'coinbase-exchange': coinbaseExchange,
  coincap,
  coindesk,
  'coindesk-data': coindeskData,
  coingape,
  coingecko,
  'coingecko-nft': coingeckoNft,
  coinlore,
  coinmarketcap,
  coinpaprika,
  coinranking,
  coinstats,
  'coinstats-insights': coinstatsInsights,
  cointelegraph,
  'crypto-com': cryptoCom,
  'crypto-news': cryptoNews,
  cryptobriefing,
  cryptocompare,
  'cryptocompare-news': cryptocompareNews,
  'cryptocompare-toplist': cryptocompareToplist,
  cryptopanic,
  cryptopotato,
  cryptoslate,
  dailyhodl,
  decrypt,
  defillama,
  'defillama-coins': defillamaCoins,
  'ethereum-1rpc': ethereum1rpc,
  'ethereum-drpc': ethereumDrpc,
  'ethereum-llamarpc': ethereumLlamarpc,
  'ethereum-merkle': ethereumMerkle,
  'ethereum-publicnode': ethereumPublicnode,
  etherscan,
  ethplorer,
  gate,
  geckoterminal,
  gemini,
  hackernews,
  'hf-cardiffnlp-twitter-roberta': hfCardiffnlpTwitterRoberta,
  'hf-distilbert-sst2': hfDistilbertSst2,
  'hf-finbert': hfFinbert,
  'hf-datasets': hfDatasets,
  htx,
  huggingface,
  kraken,
  kucoin,
  'lemmy-world': lemmyWorld,
  livecoinwatch,
  'magic-eden': magicEden,
  'mastodon-social': mastodonSocial,
  mempool,
  mexc,
  mobula,
  moralis,
  newsapi,
  newsbtc,
  nftscan,
  okx,
  opensea,
  'optimism-drpc': optimismDrpc,
  'optimism-etherscan': optimismEtherscan,
  'optimism-official': optimismOfficial,
  'optimism-publicnode': optimismPublicnode,
  'polygon-1rpc': polygon1rpc,
  'polygon-drpc': polygonDrpc,
  'polygon-publicnode': polygonPublicnode,
  polygonscan,
  reddit,
  'the-defiant': theDefiant,
  theblock,
  trongrid,
  tronscan,
  'u-today': uToday,
  'whale-alert': whaleAlert,
} as const satisfies { readonly [K in ProviderId]: ProviderSpec & { readonly id: K } };

export const isProviderId = (s: string): s is ProviderId => Object.hasOwn(PROVIDERS, s);

export const allProviders = (): ProviderSpec[] => PROVIDER_IDS.map((id) => PROVIDERS[id]);
