import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockscoutArbitrum } from './index';

conformance(blockscoutArbitrum, fixtures);
