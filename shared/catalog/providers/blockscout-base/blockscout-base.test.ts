import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockscoutBase } from './index';

conformance(blockscoutBase, fixtures);
