import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { mexc } from './index';

conformance(mexc, fixtures);
