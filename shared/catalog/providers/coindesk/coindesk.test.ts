import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coindesk } from './index';

conformance(coindesk, fixtures);
