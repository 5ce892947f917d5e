import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bscPublicnode } from './index';

conformance(bscPublicnode, fixtures);
