import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptocompareToplist } from './index';

conformance(cryptocompareToplist, fixtures);
