import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { polygonDrpc } from './index';

conformance(polygonDrpc, fixtures);
