import type { FixtureCase } from '../../testing/cases';

/** A real toplist answer pasted into a test by its author (one of the page's coins kept). */
export const fixtures = [
  {
    capability: 'markets',
    fixture: 'cryptocompare-toplist/data-top-mktcapfull-USD.json',
    params: { vs: 'USD', limit: 10 },
    expect: [
      {
        rank: 1,
        symbol: 'BTC',
        name: 'Bitcoin',
        price: 59593.72,
        marketCap: 1124766269470.32,
        volume24h: 11417268203.63976,
        change24hPct: -1.9684377484975333,
        image: 'https://www.cryptocompare.com/media/37746251/btc.png',
      },
    ],
  },
] as const satisfies readonly FixtureCase[];
