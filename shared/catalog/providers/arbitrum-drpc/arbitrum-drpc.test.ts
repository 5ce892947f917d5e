import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { arbitrumDrpc } from './index';

conformance(arbitrumDrpc, fixtures);
