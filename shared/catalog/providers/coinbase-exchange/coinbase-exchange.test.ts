import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinbaseExchange } from './index';

conformance(coinbaseExchange, fixtures);
