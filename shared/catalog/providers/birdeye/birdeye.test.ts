import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { birdeye } from './index';

conformance(birdeye, fixtures);
