import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { tronscan } from './index';

conformance(tronscan, fixtures);
