import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bscDataseed } from './index';

conformance(bscDataseed, fixtures);
