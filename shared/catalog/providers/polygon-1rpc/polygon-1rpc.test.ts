import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { polygon1rpc } from './index';

conformance(polygon1rpc, fixtures);
