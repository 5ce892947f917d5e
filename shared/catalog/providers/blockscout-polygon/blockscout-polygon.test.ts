import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockscoutPolygon } from './index';

conformance(blockscoutPolygon, fixtures);
