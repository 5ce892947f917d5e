import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { newsbtc } from './index';

conformance(newsbtc, fixtures);
