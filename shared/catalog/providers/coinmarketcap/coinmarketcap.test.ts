import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinmarketcap } from './index';

conformance(coinmarketcap, fixtures);
