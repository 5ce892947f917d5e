import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { arbiscan } from './index';

conformance(arbiscan, fixtures);
