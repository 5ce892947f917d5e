import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinbase } from './index';

conformance(coinbase, fixtures);
