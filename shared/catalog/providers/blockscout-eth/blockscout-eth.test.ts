import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockscoutEth } from './index';

conformance(blockscoutEth, fixtures);
