import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { alternativeMe } from './index';

conformance(alternativeMe, fixtures);
