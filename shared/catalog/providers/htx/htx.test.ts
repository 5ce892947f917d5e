import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { htx } from './index';

conformance(htx, fixtures);
