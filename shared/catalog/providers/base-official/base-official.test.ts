import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { baseOfficial } from './index';

conformance(baseOfficial, fixtures);
