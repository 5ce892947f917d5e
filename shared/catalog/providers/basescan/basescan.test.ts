import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { basescan } from './index';

conformance(basescan, fixtures);
