import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { etherscan } from './index';

conformance(etherscan, fixtures);
