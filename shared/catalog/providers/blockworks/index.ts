import { rssFeed } from '../../families/rss';

/** Blockworks' news feed (some lists call it Atom; the family reads RSS 2.0 and Atom alike). Listed as a working feed by public feed lists; no capture of it yet, so unverified. */
export const blockworks = rssFeed({ id: 'blockworks', name: 'Blockworks', baseUrl: 'https://blockworks.co', path: '/feed', docs: 'https://blockworks.co/feed' });
