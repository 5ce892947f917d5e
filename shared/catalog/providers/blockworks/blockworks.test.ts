import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockworks } from './index';

conformance(blockworks, fixtures);
