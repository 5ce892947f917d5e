import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { binance } from './index';

conformance(binance, fixtures);
