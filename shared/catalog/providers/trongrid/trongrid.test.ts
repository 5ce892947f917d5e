import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { trongrid } from './index';

conformance(trongrid, fixtures);
