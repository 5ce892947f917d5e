import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { okx } from './index';

conformance(okx, fixtures);
