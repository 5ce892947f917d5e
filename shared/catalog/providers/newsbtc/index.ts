import { rssFeed } from '../../families/rss';

/** NewsBTC's WordPress RSS 2.0 feed. No real capture found yet: unverified. */
export const newsbtc = rssFeed({ id: 'newsbtc', name: 'NewsBTC', baseUrl: 'https://www.newsbtc.com', path: '/feed/', docs: 'https://www.newsbtc.com/feed/', verified: false });
