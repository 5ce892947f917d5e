import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { defillamaCoins } from './index';

conformance(defillamaCoins, fixtures);
