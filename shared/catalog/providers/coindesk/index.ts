import { rssFeed } from '../../families/rss';

/** CoinDesk's site-wide RSS 2.0 feed (Arc XP outbound feeds): CDATA titles, tag categories. */
export const coindesk = rssFeed({ id: 'coindesk', name: 'CoinDesk', baseUrl: 'https://www.coindesk.com', path: '/arc/outboundfeeds/rss/', docs: 'https://www.coindesk.com/arc/outboundfeeds/rss/', verified: true });
