import { rssFeed } from '../../families/rss';

/** The Defiant's DeFi news feed (RSS 2.0). Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const theDefiant = rssFeed({ id: 'the-defiant', name: 'The Defiant', baseUrl: 'https://thedefiant.io', path: '/feed/', docs: 'https://thedefiant.io/feed/' });
