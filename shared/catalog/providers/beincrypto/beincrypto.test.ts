import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { beincrypto } from './index';

conformance(beincrypto, fixtures);
