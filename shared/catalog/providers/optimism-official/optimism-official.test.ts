import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { optimismOfficial } from './index';

conformance(optimismOfficial, fixtures);
