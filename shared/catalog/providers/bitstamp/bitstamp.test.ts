import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitstamp } from './index';

conformance(bitstamp, fixtures);
