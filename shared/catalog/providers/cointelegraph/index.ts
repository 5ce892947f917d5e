import { rssFeed } from '../../families/rss';

/** Cointelegraph's main RSS 2.0 feed: CDATA links carrying utm parameters, HTML descriptions with an image. */
export const cointelegraph = rssFeed({ id: 'cointelegraph', name: 'Cointelegraph', baseUrl: 'https://cointelegraph.com', path: '/rss', docs: 'https://cointelegraph.com/rss-feeds', verified: true });
