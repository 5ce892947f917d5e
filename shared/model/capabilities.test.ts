import { describe, expect, it } from 'vitest';
import { MarketCoin, NewsItem, SocialPost } from './capabilities';

const news = { id: 'n1', title: 'BTC up', url: 'https://news.example/a', source: 'Example', publishedAt: 1_700_000_000_000, symbols: ['BTC'] };
const post = { id: 'p1', title: 'gm', url: 'https://social.example/p1', score: 3, comments: 1, t: 1_700_000_000_000 };

describe('links shown to people', () => {
  it('accept http and https', () => {
    expect(NewsItem.safeParse(news).success).toBe(true);
    expect(NewsItem.safeParse({ ...news, url: 'http://news.example/a' }).success).toBe(true);
    expect(SocialPost.safeParse(post).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'refuse %s in news, social posts and coin images',
    (url) => {
      expect(NewsItem.safeParse({ ...news, url }).success).toBe(false);
      expect(SocialPost.safeParse({ ...post, url }).success).toBe(false);
      expect(MarketCoin.safeParse({ rank: 1, symbol: 'BTC', name: 'Bitcoin', price: 1, marketCap: 1, volume24h: 1, image: url }).success).toBe(false);
    },
  );
});
