import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { decrypt } from './index';

conformance(decrypt, fixtures);
