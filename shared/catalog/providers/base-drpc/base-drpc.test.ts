import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { baseDrpc } from './index';

conformance(baseDrpc, fixtures);
