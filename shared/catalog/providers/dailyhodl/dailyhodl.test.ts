import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { dailyhodl } from './index';

conformance(dailyhodl, fixtures);
