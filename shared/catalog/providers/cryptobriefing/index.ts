import { rssFeed } from '../../families/rss';

/** Crypto Briefing's WordPress RSS 2.0 feed. Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const cryptobriefing = rssFeed({ id: 'cryptobriefing', name: 'Crypto Briefing', baseUrl: 'https://cryptobriefing.com', path: '/feed/', docs: 'https://cryptobriefing.com/feed/' });
