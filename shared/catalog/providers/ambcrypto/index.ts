import { rssFeed } from '../../families/rss';

/** AMBCrypto's WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const ambcrypto = rssFeed({ id: 'ambcrypto', name: 'AMBCrypto', baseUrl: 'https://ambcrypto.com', path: '/feed/', docs: 'https://ambcrypto.com/feed/' });
