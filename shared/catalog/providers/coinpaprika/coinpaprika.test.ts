import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinpaprika } from './index';

conformance(coinpaprika, fixtures);
