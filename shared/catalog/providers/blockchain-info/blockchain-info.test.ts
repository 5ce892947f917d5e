import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockchainInfo } from './index';

conformance(blockchainInfo, fixtures);
