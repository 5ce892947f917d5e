import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethereumMerkle } from './index';

conformance(ethereumMerkle, fixtures);
