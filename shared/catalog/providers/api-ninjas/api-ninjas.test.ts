import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { apiNinjas } from './index';

conformance(apiNinjas, fixtures);
