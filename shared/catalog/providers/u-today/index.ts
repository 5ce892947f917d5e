import { rssFeed } from '../../families/rss';

/** U.Today's RSS 2.0 feed (path /rss, not /feed). Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const uToday = rssFeed({ id: 'u-today', name: 'U.Today', baseUrl: 'https://u.today', path: '/rss', docs: 'https://u.today/rss' });
