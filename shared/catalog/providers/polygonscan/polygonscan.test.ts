import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { polygonscan } from './index';

conformance(polygonscan, fixtures);
