import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptocompare } from './index';

conformance(cryptocompare, fixtures);
