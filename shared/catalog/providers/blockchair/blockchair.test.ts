import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockchair } from './index';

conformance(blockchair, fixtures);
