import { rssFeed } from '../../families/rss';

/** CryptoSlate's WordPress RSS 2.0 feed. The only public capture found was a hand-written test fixture: unverified. */
export const cryptoslate = rssFeed({ id: 'cryptoslate', name: 'CryptoSlate', baseUrl: 'https://cryptoslate.com', path: '/feed/', docs: 'https://cryptoslate.com/feed/', verified: false });
