import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { whaleAlert } from './index';

conformance(whaleAlert, fixtures);
