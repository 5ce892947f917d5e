import { rssFeed } from '../../families/rss';

/** BeInCrypto's WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const beincrypto = rssFeed({ id: 'beincrypto', name: 'BeInCrypto', baseUrl: 'https://beincrypto.com', path: '/feed/', docs: 'https://beincrypto.com/feed/' });
