import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockscoutOptimism } from './index';

conformance(blockscoutOptimism, fixtures);
