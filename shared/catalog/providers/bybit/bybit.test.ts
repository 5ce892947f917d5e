import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bybit } from './index';

conformance(bybit, fixtures);
