import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinstats } from './index';

conformance(coinstats, fixtures);
