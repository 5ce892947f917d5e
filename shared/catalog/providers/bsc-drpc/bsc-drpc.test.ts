import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bscDrpc } from './index';

conformance(bscDrpc, fixtures);
