import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { kucoin } from './index';

conformance(kucoin, fixtures);
