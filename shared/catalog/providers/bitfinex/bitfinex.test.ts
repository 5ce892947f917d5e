import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitfinex } from './index';

conformance(bitfinex, fixtures);
