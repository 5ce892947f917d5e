import { rssFeed } from '../../families/rss';

/** Bitcoin Magazine's full-text RSS feed. No real capture found yet: unverified. */
export const bitcoinmagazine = rssFeed({ id: 'bitcoinmagazine', name: 'Bitcoin Magazine', baseUrl: 'https://bitcoinmagazine.com', path: '/.rss/full/', docs: 'https://bitcoinmagazine.com/.rss/full/', verified: false });
