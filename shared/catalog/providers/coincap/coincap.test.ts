import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coincap } from './index';

conformance(coincap, fixtures);
