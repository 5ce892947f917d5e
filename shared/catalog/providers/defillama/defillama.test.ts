import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { defillama } from './index';

conformance(defillama, fixtures);
