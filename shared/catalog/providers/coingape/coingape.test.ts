import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coingape } from './index';

conformance(coingape, fixtures);
