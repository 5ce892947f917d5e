import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cointelegraph } from './index';

conformance(cointelegraph, fixtures);
