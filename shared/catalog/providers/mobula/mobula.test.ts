import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { mobula } from './index';

conformance(mobula, fixtures);
