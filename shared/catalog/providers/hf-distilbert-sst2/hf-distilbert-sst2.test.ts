import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { hfDistilbertSst2 } from './index';

conformance(hfDistilbertSst2, fixtures);
