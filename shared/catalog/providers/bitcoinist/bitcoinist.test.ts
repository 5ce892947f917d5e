import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitcoinist } from './index';

conformance(bitcoinist, fixtures);
