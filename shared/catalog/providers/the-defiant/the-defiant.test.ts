import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { theDefiant } from './index';

conformance(theDefiant, fixtures);
