import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { optimismDrpc } from './index';

conformance(optimismDrpc, fixtures);
