import { rssFeed } from '../../families/rss';

/** CryptoPotato's WordPress RSS 2.0 feed (the trailing slash matters: /feed redirects). Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const cryptopotato = rssFeed({ id: 'cryptopotato', name: 'CryptoPotato', baseUrl: 'https://cryptopotato.com', path: '/feed/', docs: 'https://cryptopotato.com/feed/' });
