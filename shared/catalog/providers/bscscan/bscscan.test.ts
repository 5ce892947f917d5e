import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bscscan } from './index';

conformance(bscscan, fixtures);
