import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { arkham } from './index';

conformance(arkham, fixtures);
