import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { livecoinwatch } from './index';

conformance(livecoinwatch, fixtures);
