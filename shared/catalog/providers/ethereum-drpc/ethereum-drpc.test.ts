import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethereumDrpc } from './index';

conformance(ethereumDrpc, fixtures);
