import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitmart } from './index';

conformance(bitmart, fixtures);
