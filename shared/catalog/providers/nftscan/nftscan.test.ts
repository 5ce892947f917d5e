import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { nftscan } from './index';

conformance(nftscan, fixtures);
