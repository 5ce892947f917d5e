import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { gate } from './index';

conformance(gate, fixtures);
