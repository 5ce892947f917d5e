import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinlore } from './index';

conformance(coinlore, fixtures);
