import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { arbitrumOfficial } from './index';

conformance(arbitrumOfficial, fixtures);
