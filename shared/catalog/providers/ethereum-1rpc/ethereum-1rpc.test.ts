import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethereum1rpc } from './index';

conformance(ethereum1rpc, fixtures);
