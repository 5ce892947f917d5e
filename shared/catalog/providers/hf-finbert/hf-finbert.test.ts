import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { hfFinbert } from './index';

conformance(hfFinbert, fixtures);
