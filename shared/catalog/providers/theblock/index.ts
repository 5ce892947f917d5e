import { rssFeed } from '../../families/rss';

/** The Block's WordPress RSS 2.0 feed: `&amp;` inside links, `&#8217;` in titles, CDATA HTML descriptions. */
export const theblock = rssFeed({ id: 'theblock', name: 'The Block', baseUrl: 'https://www.theblock.co', path: '/rss.xml', docs: 'https://www.theblock.co/rss.xml', verified: true });
