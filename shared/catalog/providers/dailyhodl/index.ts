import { rssFeed } from '../../families/rss';

/** The Daily Hodl's WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const dailyhodl = rssFeed({ id: 'dailyhodl', name: 'The Daily Hodl', baseUrl: 'https://dailyhodl.com', path: '/feed/', docs: 'https://dailyhodl.com/feed/' });
