import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { mempool } from './index';

conformance(mempool, fixtures);
