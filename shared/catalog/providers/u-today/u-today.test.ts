import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { uToday } from './index';

conformance(uToday, fixtures);
