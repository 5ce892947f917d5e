import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitget } from './index';

conformance(bitget, fixtures);
