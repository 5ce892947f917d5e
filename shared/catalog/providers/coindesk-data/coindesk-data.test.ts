import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coindeskData } from './index';

conformance(coindeskData, fixtures);
