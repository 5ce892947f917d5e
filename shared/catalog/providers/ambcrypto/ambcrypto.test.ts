import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ambcrypto } from './index';

conformance(ambcrypto, fixtures);
