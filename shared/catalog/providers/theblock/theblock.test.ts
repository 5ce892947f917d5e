import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { theblock } from './index';

conformance(theblock, fixtures);
