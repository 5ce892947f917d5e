import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coingecko } from './index';

conformance(coingecko, fixtures);
