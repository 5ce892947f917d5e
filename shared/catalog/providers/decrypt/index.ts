import { rssFeed } from '../../families/rss';

/** Decrypt's RSS 2.0 feed: numeric entities (`&#39;`) in titles, plain-text descriptions. */
export const decrypt = rssFeed({ id: 'decrypt', name: 'Decrypt', baseUrl: 'https://decrypt.co', path: '/feed', docs: 'https://decrypt.co/feed', verified: true });
