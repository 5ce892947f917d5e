import { rssFeed } from '../../families/rss';

/** Bitcoinist's WordPress RSS 2.0 feed. No real capture found yet: unverified. */
export const bitcoinist = rssFeed({ id: 'bitcoinist', name: 'Bitcoinist', baseUrl: 'https://bitcoinist.com', path: '/feed/', docs: 'https://bitcoinist.com/feed/', verified: false });
