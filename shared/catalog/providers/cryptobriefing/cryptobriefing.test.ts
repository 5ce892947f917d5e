import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptobriefing } from './index';

conformance(cryptobriefing, fixtures);
