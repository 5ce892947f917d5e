import type { Interval } from '../../../model';

/**
 * The Hugging Face datasets the older system read OHLCV from (seed catalog:
 * `hf_ds_wf_btc_usdt` …): WinkingFace's CryptoLM sets, one per coin, hourly Binance candles
 * against USDT, in one `default` config with a `train` split. linxy/CryptoCoin, the other
 * one the seeds list, keeps 182 CSVs (`BTCUSDT_1h.csv` …) in a single config, so the rows API
 * cannot address one symbol's candles in it; it is left out until it declares per-file configs.
 */
export interface OhlcvDataset {
  readonly symbol: string;
  readonly dataset: string;
  readonly config: string;
  readonly split: string;
  readonly interval: Interval;
}

export const OHLCV_DATASETS: readonly OhlcvDataset[] = [
  { symbol: 'BTC', dataset: 'WinkingFace/CryptoLM-Bitcoin-BTC-USDT', config: 'default', split: 'train', interval: '1h' },
  { symbol: 'ETH', dataset: 'WinkingFace/CryptoLM-Ethereum-ETH-USDT', config: 'default', split: 'train', interval: '1h' },
  { symbol: 'SOL', dataset: 'WinkingFace/CryptoLM-Solana-SOL-USDT', config: 'default', split: 'train', interval: '1h' },
  { symbol: 'XRP', dataset: 'WinkingFace/CryptoLM-Ripple-XRP-USDT', config: 'default', split: 'train', interval: '1h' },
];

export const datasetFor = (symbol: string, interval: Interval): OhlcvDataset | undefined =>
  OHLCV_DATASETS.find((d) => d.symbol === symbol && d.interval === interval);

/** The quotes these datasets are in: USDT, which stands for USD as on the exchanges. */
export const DATASET_QUOTES: ReadonlySet<string> = new Set(['USD', 'USDT']);
