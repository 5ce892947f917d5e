import { rssFeed } from '../../families/rss';

/** crypto.news (not cryptonews.com) WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const cryptoNews = rssFeed({ id: 'crypto-news', name: 'crypto.news', baseUrl: 'https://crypto.news', path: '/feed/', docs: 'https://crypto.news/feed/' });
