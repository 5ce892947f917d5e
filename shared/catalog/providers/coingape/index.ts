import { rssFeed } from '../../families/rss';

/** CoinGape's WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const coingape = rssFeed({ id: 'coingape', name: 'CoinGape', baseUrl: 'https://coingape.com', path: '/feed/', docs: 'https://coingape.com/feed/' });
