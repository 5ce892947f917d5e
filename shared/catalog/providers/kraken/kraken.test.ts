import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { kraken } from './index';

conformance(kraken, fixtures);
